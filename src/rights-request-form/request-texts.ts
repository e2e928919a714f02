/**
 * The form's interface texts. Call these inside `render()` or `inLocale()`: `msg()` answers in
 * the language active at the call (CONTRIBUTING, "Interface text and languages").
 */
import { msg } from '../i18n/locale.js';
import type { RightId } from './request-config.js';

export interface RightText {
  /** Plain-language label of the choice. */
  label: string;
  /** The name of the right and its GDPR article, as help text (RR-01). */
  article: string;
  /** One or two sentences on what the right gives (company text may override). */
  explanation: string;
}

export function rightTexts(): Record<RightId, RightText> {
  return {
    access: {
      label: msg('See the personal data you have about me', { id: 'form.right.access' }),
      article: msg('Right of access, GDPR Article 15', { id: 'form.right.access.article' }),
      explanation: msg(
        'We tell you whether we process personal data about you and give you a copy of it, with what we use it for, where it comes from, who receives it and how long we keep it.',
        { id: 'formRight.access.explanation' },
      ),
    },
    rectification: {
      label: msg('Correct my personal data', { id: 'form.right.rectification' }),
      article: msg('Right to rectification, GDPR Article 16', { id: 'form.right.rectification.article' }),
      explanation: msg('Tell us which data about you is wrong or incomplete, and we correct or complete it.', {
        id: 'formRight.rectification.explanation',
      }),
    },
    erasure: {
      label: msg('Delete my personal data', { id: 'form.right.erasure' }),
      article: msg('Right to erasure, GDPR Article 17', { id: 'form.right.erasure.article' }),
      explanation: msg(
        'We delete personal data about you when we no longer need it, when you withdraw your consent or object to the processing, or when it was processed unlawfully.',
        { id: 'formRight.erasure.explanation' },
      ),
    },
    restriction: {
      label: msg('Limit the use of my personal data', { id: 'form.right.restriction' }),
      article: msg('Right to restriction of processing, GDPR Article 18', { id: 'form.right.restriction.article' }),
      explanation: msg('We keep your data but stop using it for a while, for example while we check whether it is correct.', {
        id: 'formRight.restriction.explanation',
      }),
    },
    objection: {
      label: msg('Object to the use of my personal data', { id: 'form.right.objection' }),
      article: msg('Right to object, GDPR Article 21', { id: 'form.right.objection.article' }),
      explanation: msg(
        'You can always stop us from using your data for direct marketing. You can also object to processing based on our legitimate interests; we then stop unless we have compelling legitimate grounds.',
        { id: 'formRight.objection.explanation' },
      ),
    },
    portability: {
      label: msg('Get my personal data to take elsewhere', { id: 'form.right.portability' }),
      article: msg('Right to data portability, GDPR Article 20', { id: 'form.right.portability.article' }),
      explanation: msg(
        'Get the data you have given us in a structured, machine-readable format, or ask us to send it directly to another company.',
        { id: 'formRight.portability.explanation' },
      ),
    },
    'withdraw-consent': {
      label: msg('Withdraw my consent', { id: 'form.right.withdraw' }),
      article: msg('Withdrawal of consent, GDPR Article 7(3)', { id: 'form.right.withdraw.article' }),
      explanation: msg(
        'Withdraw a consent you have given us, for example for a newsletter. Withdrawing is as easy as giving consent, and it does not affect what we did before.',
        { id: 'formRight.withdraw.explanation' },
      ),
    },
  };
}

/** Labels of the form's fields (see `request-fields.ts`). */
export function fieldTexts() {
  return {
    right: msg('What do you want to ask for?', { id: 'form.field.right' }),
    name: msg('Name', { id: 'form.field.name' }),
    email: msg('E-mail address', { id: 'form.field.email' }),
    emailHint: msg('We answer your request at this address.', { id: 'form.field.emailHint' }),
    message: msg('Anything else you want to tell us', { id: 'form.field.message' }),
    messageHint: msg('You do not have to give a reason for your request.', { id: 'form.field.messageHint' }),
    incorrect: msg('Which data is wrong or incomplete?', { id: 'formRight.field.incorrect' }),
    correction: msg('What should it say instead?', { id: 'formRight.field.correction' }),
    notifyRecipients: msg('Tell me which recipients you have informed', { id: 'formRight.field.notifyRecipients' }),
    notifyRecipientsHint: msg('GDPR Article 19: we pass the change on to everyone we have disclosed the data to.', {
      id: 'formRight.field.notifyRecipientsHint',
    }),
    grounds: msg('Why should we limit the use of your data?', { id: 'formRight.field.grounds' }),
    groundsHint: msg('GDPR Article 18(1)', { id: 'formRight.field.groundsHint' }),
    groundAccuracy: msg('I dispute that the data is correct', { id: 'formRight.field.groundAccuracy' }),
    groundUnlawful: msg('The processing is unlawful, but I do not want the data deleted', { id: 'formRight.field.groundUnlawful' }),
    groundLegalClaims: msg('You no longer need the data, but I need it for a legal claim', { id: 'formRight.field.groundLegalClaims' }),
    groundObjection: msg('I have objected to the processing and am waiting for your assessment', { id: 'formRight.field.groundObjection' }),
    objectionTo: msg('What do you object to?', { id: 'formRight.field.objectionTo' }),
    objectionMarketing: msg('Direct marketing', { id: 'formRight.field.objectionMarketing' }),
    objectionMarketingHint: msg('GDPR Article 21(2): we always stop.', { id: 'formRight.field.objectionMarketingHint' }),
    objectionOther: msg('Other processing based on your legitimate interests', { id: 'formRight.field.objectionOther' }),
    objectionOtherHint: msg('GDPR Article 21(1)', { id: 'formRight.field.objectionOtherHint' }),
    processing: msg('Which processing do you object to?', { id: 'formRight.field.processing' }),
    situation: msg('Grounds relating to your particular situation', { id: 'formRight.field.situation' }),
    responseFormat: msg('In which format do you want your data?', { id: 'formRight.field.responseFormat' }),
    formatJson: msg('JSON (for computer programs)', { id: 'formRight.field.formatJson' }),
    formatCsv: msg('CSV (for spreadsheets)', { id: 'formRight.field.formatCsv' }),
    transmitTo: msg('Send my data directly to another company', { id: 'formRight.field.transmitTo' }),
    transmitToHint: msg('Name and contact details of the company. We do this where it is technically feasible.', {
      id: 'formRight.field.transmitToHint',
    }),
    consent: msg('Which consent do you withdraw?', { id: 'formRight.field.consent' }),
    consentHint: msg('For example our newsletter or customer surveys.', { id: 'formRight.field.consentHint' }),
  };
}
export type FieldTexts = ReturnType<typeof fieldTexts>;

/** Messages of field validation; `{label}` and `{max}` are filled in. */
export function validationTexts() {
  return {
    chooseRight: msg('Choose what you want to ask for.', { id: 'form.error.chooseRight' }),
    required: msg('{label} is required.', { id: 'form.error.required' }),
    chooseOne: msg('{label}: choose one option.', { id: 'form.error.chooseOne' }),
    email: msg('Enter an e-mail address like name@example.com.', { id: 'form.error.email' }),
    pattern: msg('{label} is not in the expected format.', { id: 'form.error.pattern' }),
    tooLong: msg('{label} can be at most {max} characters long.', { id: 'form.error.tooLong' }),
  };
}
export type ValidationTexts = ReturnType<typeof validationTexts>;

/** Everything else the form says. */
export function formTexts() {
  return {
    title: msg('Request about your personal data', { id: 'form.title' }),
    intro: msg(
      'Here you can use your rights under the GDPR, for example to see, correct or delete the personal data we have about you.',
      { id: 'form.intro' },
    ),
    channelsIntro: msg('You do not have to use this form. You can also make your request:', { id: 'form.channelsIntro' }),
    byEmail: msg('By e-mail:', { id: 'form.byEmail' }),
    byPost: msg('By post:', { id: 'form.byPost' }),
    byPhone: msg('By phone:', { id: 'form.byPhone' }),
    required: msg('(required)', { id: 'form.required' }),
    contactLegend: msg('Your contact details', { id: 'form.contactLegend' }),
    detailsLegend: msg('About your request', { id: 'form.detailsLegend' }),
    identityNote: msg(
      'If we have reasonable doubts about who is making the request, we may contact you to confirm your identity. Do not send any proof of identity with this form.',
      { id: 'form.identityNote' },
    ),
    erasureNote: msg(
      'Some data must be kept even after an erasure request, for example bookkeeping and billing records that the law requires us to keep. If so, we tell you which data and why.',
      { id: 'formRight.erasureNote' },
    ),
    cookieSettingsNote: msg('To change your choice about cookies on this website, use the cookie settings.', { id: 'formRight.cookieSettingsNote' }),
    cookieSettings: msg('Cookie settings', { id: 'formRight.cookieSettings' }),
    privacyInfo: msg(
      '{controller} uses the details in this form only to handle your request. We process them because the law requires us to answer requests like yours (GDPR Article 6(1)(c) with Articles 12–22).',
      { id: 'form.privacyInfo' },
    ),
    retention: msg('We keep your request and our answer for {retention}.', { id: 'form.retention' }),
    retentionDefault: msg('We keep your request and our answer only as long as we need to show how we handled it.', {
      id: 'form.retentionDefault',
    }),
    noticeLink: msg('Read more in our privacy notice', { id: 'form.noticeLink' }),
    honeypot: msg('Leave this field empty', { id: 'form.honeypot' }),
    errorSummaryTitle: msg('Please correct the following', { id: 'form.errorSummaryTitle' }),
    errorPrefix: msg('Error:', { id: 'form.errorPrefix' }),
    send: msg('Send request', { id: 'form.send' }),
    continueToReview: msg('Continue', { id: 'formRight.continue' }),
    reviewTitle: msg('Check your request before you send it', { id: 'formSubmit.reviewTitle' }),
    reviewText: msg('This request can lead to data being deleted or a consent ending for good. Check that everything is right.', {
      id: 'formSubmit.reviewText',
    }),
    change: msg('Change', { id: 'formSubmit.change' }),
    yes: msg('Yes', { id: 'formRight.yes' }),
    requestLabel: msg('Request', { id: 'formRight.requestLabel' }),
    sending: msg('Sending your request…', { id: 'formSubmit.sending' }),
    offlineNote: msg('You are offline. You can fill in the form, but it can only be sent when you are connected again.', {
      id: 'form.offlineNote',
    }),
    tooFast: msg('Please check that everything is right, then send the request again.', { id: 'formSubmit.tooFast' }),
    retry: msg('Try again', { id: 'formSubmit.retry' }),
    kept: msg('What you have filled in is kept.', { id: 'formSubmit.kept' }),
    failedOffline: msg('You are offline, so your request has not been sent. Connect to the internet and choose Try again.', {
      id: 'formSubmit.failed.offline',
    }),
    failedNetwork: msg('We could not reach our server, so your request has not been sent. Check your connection and choose Try again.', {
      id: 'formSubmit.failed.network',
    }),
    failedTimeout: msg('Our server did not answer in time, so your request may not have arrived. Choose Try again: it will not be registered twice.', {
      id: 'formSubmit.failed.timeout',
    }),
    failedServer: msg('Something went wrong on our side, and your request has not been registered. Please choose Try again in a moment.', {
      id: 'formSubmit.failed.server',
    }),
    failedRejected: msg('Your request could not be accepted. Correct it and send it again.', { id: 'formSubmit.failed.rejected' }),
    otherWays: msg('If it keeps failing, use one of the other ways to make your request listed above.', { id: 'formSubmit.failed.otherWays' }),
    receivedTitle: msg('Your request has been received', { id: 'formSubmit.receivedTitle' }),
    reference: msg('Reference: {reference}', { id: 'formSubmit.reference' }),
    receivedOn: msg('Received: {date}', { id: 'formSubmit.receivedOn' }),
    dueBy: msg('We will answer by {date} at the latest.', { id: 'formSubmit.dueBy' }),
    extension: msg(
      'If your request is complex or we receive many requests, we may extend this by up to two more months. We will then tell you why within the first month.',
      { id: 'formSubmit.extension' },
    ),
    checkInbox: msg('Check your inbox: we have sent an e-mail to {email}. Open the link in it within 24 hours to confirm that the address is yours.', {
      id: 'formSubmit.checkInbox',
    }),
    keepReference: msg('Keep the reference in case you contact us about your request.', { id: 'formSubmit.keepReference' }),
    receivedStatus: msg('Your request has been received. Reference {reference}. We will answer by {date} at the latest.', {
      id: 'formSubmit.receivedStatus',
    }),
    whatYouSent: msg('What you sent', { id: 'formSubmit.whatYouSent' }),
    mailTitle: msg('Send your request by e-mail', { id: 'formSubmit.mailTitle' }),
    mailText: msg('Your request is ready as an e-mail to {address}. Open it in your e-mail program, check it and send it.', {
      id: 'formSubmit.mailText',
    }),
    mailLink: msg('Open the e-mail', { id: 'formSubmit.mailLink' }),
    mailCopy: msg('If no e-mail program opens, copy this text and send it to {address}:', { id: 'formSubmit.mailCopy' }),
    mailSubject: msg('Request about my personal data: {right}', { id: 'formRight.mailSubject' }),
    backToForm: msg('Back to the form', { id: 'formSubmit.backToForm' }),
  };
}
export type FormTexts = ReturnType<typeof formTexts>;
