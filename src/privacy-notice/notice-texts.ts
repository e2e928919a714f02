/**
 * The notice's own interface texts: standard headings, labels, legal bases and the standard
 * explanations of the rights. The company's texts come from the configuration; these are the
 * library's, translated in locales/*.xlf. Call only while rendering (or in `inLocale`), so `msg`
 * answers in the element's language.
 */
import { msg } from '../i18n/locale.js';
import type { LegalBasis, NoticeRightId } from './notice-config.js';
import type { StandardSectionId } from './notice-model.js';

export function sectionTitle(id: StandardSectionId): string {
  switch (id) {
    case 'controller':
      return msg('Who is responsible for your personal data', { id: 'notice.controllerTitle' });
    case 'purposes':
      return msg('Why we process your personal data', { id: 'notice.purposesTitle' });
    case 'recipients':
      return msg('Who receives your personal data', { id: 'notice.recipientsTitle' });
    case 'retention':
      return msg('How long we keep your personal data', { id: 'notice.retentionTitle' });
    case 'rights':
      return msg('Your rights', { id: 'notice.rightsTitle' });
    case 'objection':
      return msg('Your right to object', { id: 'notice.objectionTitle' });
    case 'complaint':
      return msg('Complaints', { id: 'notice.complaintTitle' });
    case 'cookies':
      return msg('Cookies', { id: 'notice.cookiesTitle' });
    case 'dpo':
      return msg('Data protection officer', { id: 'notice.dpoTitle' });
  }
}

/** Labels a configuration may reword (`notice.labels`). */
export function labels() {
  return {
    organizationNumber: msg('Organisation number', { id: 'notice.organizationNumber' }),
    address: msg('Address', { id: 'notice.address' }),
    contactPerson: msg('Contact person', { id: 'notice.contactPerson' }),
    responsible: msg('Responsible', { id: 'notice.responsible' }),
    email: msg('E-mail', { id: 'notice.email' }),
    phone: msg('Phone', { id: 'notice.phone' }),
    website: msg('Website', { id: 'notice.website' }),
    published: msg('Published {date}', { id: 'notice.published' }),
    updated: msg('Last updated {date}', { id: 'notice.updated' }),
  };
}

export type LabelId = keyof ReturnType<typeof labels>;

export function texts() {
  return {
    defaultTitle: msg('Privacy notice', { id: 'notice.defaultTitle' }),
    contents: msg('Contents', { id: 'notice.contents' }),
    version: msg('Version {version}', { id: 'notice.version' }),
    company: msg('Company', { id: 'notice.company' }),
    legalBasis: msg('Legal basis', { id: 'notice.legalBasis' }),
    legitimateInterest: msg('Our legitimate interest', { id: 'notice.legitimateInterest' }),
    dataCategories: msg('Personal data', { id: 'notice.dataCategories' }),
    retention: msg('Kept for', { id: 'notice.retention' }),
    source: msg('Where we get it from', { id: 'notice.source' }),
    examples: msg('For example:', { id: 'notice.examples' }),
    transfersTitle: msg('Transfers outside the EU/EEA', { id: 'noticeTransfers.transfersTitle' }),
    noTransfers: msg('We do not transfer your personal data to countries outside the EU/EEA.', { id: 'noticeTransfers.noTransfers' }),
    safeguards: msg('When your personal data is processed outside the EU/EEA, it is protected by:', { id: 'noticeTransfers.safeguards' }),
    safeguardsCopy: msg('Where to find a copy of the safeguards', { id: 'noticeTransfers.safeguardsCopy' }),
    rightsEmail: msg('E-mail for requests about your rights', { id: 'notice.rightsEmail' }),
    rightsForm: msg('Make a request with our form', { id: 'notice.rightsForm' }),
    requestRight: msg('Make a request: {right}', { id: 'notice.requestRight' }),
    responseTime: msg(
      'We answer within one month of receiving your request. If a request is complex or we receive many, we may extend this by two more months; we will then tell you within the first month. Making a request is free of charge.',
      { id: 'notice.responseTime' },
    ),
    authority: msg('You can lodge a complaint with the supervisory authority:', { id: 'notice.authority' }),
    complaintAnywhere: msg(
      'You may also lodge a complaint in the EU/EEA country where you live or work, or where you think the infringement took place.',
      { id: 'notice.complaintAnywhere' },
    ),
    cookieTable: msg('Cookies by category', { id: 'notice.cookieTable' }),
    cookieCategory: msg('Category', { id: 'notice.cookieCategory' }),
    cookiePurpose: msg('Purpose', { id: 'notice.cookiePurpose' }),
    cookieUse: msg('When used', { id: 'notice.cookieUse' }),
    cookieNames: msg('Cookies', { id: 'notice.cookieNames' }),
    alwaysOn: msg('Always (necessary)', { id: 'notice.alwaysOn' }),
    withConsent: msg('Only with your consent', { id: 'notice.withConsent' }),
    cookieChoice: msg('You can change or withdraw your consent to cookies at any time.', { id: 'notice.cookieChoice' }),
    cookieSettings: msg('Cookie settings', { id: 'notice.cookieSettings' }),
  };
}

export function groupTitle(kind: 'processors' | 'independent-controllers' | 'authorities' | 'other'): string {
  switch (kind) {
    case 'processors':
      return msg('Processors working for us', { id: 'notice.processors' });
    case 'independent-controllers':
      return msg('Independent controllers', { id: 'notice.independentControllers' });
    case 'authorities':
      return msg('Public authorities', { id: 'notice.publicAuthorities' });
    case 'other':
      return msg('Other recipients', { id: 'notice.otherRecipients' });
  }
}

export function safeguardLabel(safeguard: 'adequacy-decision' | 'standard-contractual-clauses' | 'binding-corporate-rules' | 'derogation'): string {
  switch (safeguard) {
    case 'adequacy-decision':
      return msg('an adequacy decision of the European Commission (GDPR Art. 45)', { id: 'noticeTransfers.adequacyDecision' });
    case 'standard-contractual-clauses':
      return msg('standard contractual clauses adopted by the European Commission (GDPR Art. 46)', { id: 'noticeTransfers.standardClauses' });
    case 'binding-corporate-rules':
      return msg('binding corporate rules (GDPR Art. 47)', { id: 'noticeTransfers.corporateRules' });
    case 'derogation':
      return msg('a derogation for a specific situation (GDPR Art. 49)', { id: 'noticeTransfers.derogation' });
  }
}

export function legalBasisLabel(basis: LegalBasis): string {
  switch (basis) {
    case 'consent':
      return msg('Consent (GDPR Art. 6(1)(a))', { id: 'notice.basisConsent' });
    case 'contract':
      return msg('Contract (GDPR Art. 6(1)(b))', { id: 'notice.basisContract' });
    case 'legal-obligation':
      return msg('Legal obligation (GDPR Art. 6(1)(c))', { id: 'notice.basisLegalObligation' });
    case 'vital-interests':
      return msg('Vital interests (GDPR Art. 6(1)(d))', { id: 'notice.basisVitalInterests' });
    case 'public-task':
      return msg('Task in the public interest (GDPR Art. 6(1)(e))', { id: 'notice.basisPublicTask' });
    case 'legitimate-interests':
      return msg('Legitimate interests (GDPR Art. 6(1)(f))', { id: 'notice.basisLegitimateInterests' });
  }
}

export function rightTitle(right: NoticeRightId): string {
  switch (right) {
    case 'information':
      return msg('Right to information', { id: 'notice.rightInformation' });
    case 'access':
      return msg('Right of access', { id: 'notice.rightAccess' });
    case 'rectification':
      return msg('Right to rectification', { id: 'notice.rightRectification' });
    case 'erasure':
      return msg('Right to erasure', { id: 'notice.rightErasure' });
    case 'restriction':
      return msg('Right to restriction of processing', { id: 'notice.rightRestriction' });
    case 'objection':
      return msg('Right to object', { id: 'notice.rightObjection' });
    case 'portability':
      return msg('Right to data portability', { id: 'notice.rightPortability' });
    case 'withdraw-consent':
      return msg('Right to withdraw consent', { id: 'notice.rightWithdraw' });
    case 'complaint':
      return msg('Right to lodge a complaint', { id: 'notice.rightComplaint' });
  }
}

export function rightExplanation(right: NoticeRightId): string {
  switch (right) {
    case 'information':
      return msg('You have the right to clear information about how we process your personal data. This notice gives it.', {
        id: 'noticeRights.explainInformation',
      });
    case 'access':
      return msg('You can ask whether we process personal data about you and get a copy of it, with information about how we use it.', {
        id: 'noticeRights.explainAccess',
      });
    case 'rectification':
      return msg('You can ask us to correct inaccurate personal data about you and to complete incomplete data.', { id: 'noticeRights.explainRectification' });
    case 'erasure':
      return msg(
        'You can ask us to erase your personal data, for example when we no longer need it or when you withdraw your consent. We keep data that the law requires us to keep.',
        { id: 'noticeRights.explainErasure' },
      );
    case 'restriction':
      return msg('You can ask us to restrict the processing of your personal data, for example while we check whether it is correct.', {
        id: 'noticeRights.explainRestriction',
      });
    case 'objection':
      return msg(
        'You can object to processing based on our legitimate interests or on a task in the public interest, on grounds relating to your situation. We then stop unless we have compelling legitimate grounds. You can always object to direct marketing, and we then stop using your data for it.',
        { id: 'noticeRights.explainObjection' },
      );
    case 'portability':
      return msg(
        'You can ask to receive the personal data you gave us in a structured, commonly used and machine-readable format, or to have it sent to another company, when we process it by automated means based on your consent or a contract.',
        { id: 'noticeRights.explainPortability' },
      );
    case 'withdraw-consent':
      return msg('Where we process your personal data based on your consent, you can withdraw it at any time. This does not affect processing before the withdrawal.', {
        id: 'notice.explainWithdraw',
      });
    case 'complaint':
      return msg('If you think that we process your personal data in breach of the law, you can complain to the supervisory authority.', {
        id: 'noticeRights.explainComplaint',
      });
  }
}
