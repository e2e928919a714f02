// Reply templates for the handler: one answer per right and one extension
// notice, in the requester's language (sv, da, nb, fi, en, is; else en),
// plain text. The handler copies, completes the [bracketed] parts and sends
// them from the company's own mailbox. The extension notice carries the
// reason, as GDPR Art. 12(3) requires it to be told within the first month.
import { emailLocale, fill } from '../email/texts.js';

export const RIGHT_NAMES = {
  en: { access: 'access to your personal data', rectification: 'rectification of your personal data', erasure: 'erasure of your personal data', restriction: 'restriction of processing', objection: 'objection to processing', portability: 'data portability', 'withdraw-consent': 'withdrawal of consent' },
  sv: { access: 'tillgång till dina personuppgifter', rectification: 'rättelse av dina personuppgifter', erasure: 'radering av dina personuppgifter', restriction: 'begränsning av behandlingen', objection: 'invändning mot behandlingen', portability: 'dataportabilitet', 'withdraw-consent': 'återkallelse av samtycke' },
  da: { access: 'indsigt i dine personoplysninger', rectification: 'berigtigelse af dine personoplysninger', erasure: 'sletning af dine personoplysninger', restriction: 'begrænsning af behandlingen', objection: 'indsigelse mod behandlingen', portability: 'dataportabilitet', 'withdraw-consent': 'tilbagetrækning af samtykke' },
  nb: { access: 'innsyn i personopplysningene dine', rectification: 'retting av personopplysningene dine', erasure: 'sletting av personopplysningene dine', restriction: 'begrensning av behandlingen', objection: 'protest mot behandlingen', portability: 'dataportabilitet', 'withdraw-consent': 'tilbaketrekking av samtykke' },
  fi: { access: 'pääsy henkilötietoihisi', rectification: 'henkilötietojesi oikaiseminen', erasure: 'henkilötietojesi poistaminen', restriction: 'käsittelyn rajoittaminen', objection: 'käsittelyn vastustaminen', portability: 'tietojen siirrettävyys', 'withdraw-consent': 'suostumuksen peruuttaminen' },
  is: { access: 'aðgangur að persónuupplýsingum þínum', rectification: 'leiðrétting persónuupplýsinga þinna', erasure: 'eyðing persónuupplýsinga þinna', restriction: 'takmörkun vinnslu', objection: 'andmæli gegn vinnslu', portability: 'flutningur eigin gagna', 'withdraw-consent': 'afturköllun samþykkis' },
};

/** What the answer to each right says it did; the handler fills in the brackets. */
const OUTCOME = {
  en: { access: 'Attached is a copy of the personal data we hold about you, with the purposes, recipients and retention periods: [attachment].', rectification: 'We have corrected the following data: [what was corrected].', erasure: 'We have erased your personal data, except the following, which the law requires us to keep: [what and why].', restriction: 'We have restricted the processing of your data as follows: [what and until when].', objection: 'We have stopped processing your data for the following purposes: [purposes].', portability: 'Attached are the data you gave us, in a machine-readable format: [attachment].', 'withdraw-consent': 'We have recorded that you withdrew your consent on [date]; we no longer process your data on that basis.' },
  sv: { access: 'Bifogat finns en kopia av de personuppgifter vi har om dig, med ändamål, mottagare och lagringstider: [bilaga].', rectification: 'Vi har rättat följande uppgifter: [vad som rättats].', erasure: 'Vi har raderat dina personuppgifter, utom följande som vi enligt lag måste spara: [vad och varför].', restriction: 'Vi har begränsat behandlingen av dina uppgifter så här: [vad och till när].', objection: 'Vi har slutat behandla dina uppgifter för följande ändamål: [ändamål].', portability: 'Bifogat finns de uppgifter du har lämnat till oss, i ett maskinläsbart format: [bilaga].', 'withdraw-consent': 'Vi har registrerat att du återkallade ditt samtycke den [datum]; vi behandlar inte längre dina uppgifter med stöd av det.' },
  da: { access: 'Vedhæftet er en kopi af de personoplysninger, vi har om dig, med formål, modtagere og opbevaringsperioder: [bilag].', rectification: 'Vi har rettet følgende oplysninger: [hvad der er rettet].', erasure: 'Vi har slettet dine personoplysninger, undtagen følgende, som vi efter loven skal gemme: [hvad og hvorfor].', restriction: 'Vi har begrænset behandlingen af dine oplysninger således: [hvad og indtil hvornår].', objection: 'Vi har stoppet behandlingen af dine oplysninger til følgende formål: [formål].', portability: 'Vedhæftet er de oplysninger, du har givet os, i et maskinlæsbart format: [bilag].', 'withdraw-consent': 'Vi har registreret, at du trak dit samtykke tilbage den [dato]; vi behandler ikke længere dine oplysninger på det grundlag.' },
  nb: { access: 'Vedlagt er en kopi av personopplysningene vi har om deg, med formål, mottakere og lagringstid: [vedlegg].', rectification: 'Vi har rettet følgende opplysninger: [hva som er rettet].', erasure: 'Vi har slettet personopplysningene dine, unntatt følgende, som vi etter loven må lagre: [hva og hvorfor].', restriction: 'Vi har begrenset behandlingen av opplysningene dine slik: [hva og til når].', objection: 'Vi har sluttet å behandle opplysningene dine for følgende formål: [formål].', portability: 'Vedlagt er opplysningene du har gitt oss, i et maskinlesbart format: [vedlegg].', 'withdraw-consent': 'Vi har registrert at du trakk tilbake samtykket ditt den [dato]; vi behandler ikke lenger opplysningene dine på det grunnlaget.' },
  fi: { access: 'Liitteenä on kopio sinusta säilyttämistämme henkilötiedoista sekä käsittelyn tarkoitukset, vastaanottajat ja säilytysajat: [liite].', rectification: 'Olemme oikaisseet seuraavat tiedot: [mitä oikaistiin].', erasure: 'Olemme poistaneet henkilötietosi lukuun ottamatta seuraavia, jotka meidän on lain mukaan säilytettävä: [mitä ja miksi].', restriction: 'Olemme rajoittaneet tietojesi käsittelyä seuraavasti: [mitä ja mihin asti].', objection: 'Olemme lopettaneet tietojesi käsittelyn seuraaviin tarkoituksiin: [tarkoitukset].', portability: 'Liitteenä ovat meille antamasi tiedot koneluettavassa muodossa: [liite].', 'withdraw-consent': 'Olemme kirjanneet, että peruutit suostumuksesi [päivämäärä]; emme enää käsittele tietojasi sen perusteella.' },
  is: { access: 'Meðfylgjandi er afrit af persónuupplýsingum sem við höfum um þig, ásamt tilgangi, viðtakendum og varðveislutíma: [viðhengi].', rectification: 'Við höfum leiðrétt eftirfarandi upplýsingar: [hvað var leiðrétt].', erasure: 'Við höfum eytt persónuupplýsingum þínum, nema eftirfarandi sem okkur ber að varðveita samkvæmt lögum: [hvað og hvers vegna].', restriction: 'Við höfum takmarkað vinnslu upplýsinga þinna svona: [hvað og til hvenær].', objection: 'Við höfum hætt að vinna upplýsingar þínar í eftirfarandi tilgangi: [tilgangur].', portability: 'Meðfylgjandi eru upplýsingarnar sem þú gafst okkur, á tölvulesanlegu sniði: [viðhengi].', 'withdraw-consent': 'Við höfum skráð að þú afturkallaðir samþykki þitt [dagsetning]; við vinnum ekki lengur upplýsingar þínar á þeim grundvelli.' },
};

const FRAME = {
  en: { subject: 'Your request {reference}: {right}', answer: 'Hello,\n\nWe received your request for {right} on {receivedOn} (reference {reference}).\n\n{outcome}\n\nIf you are not satisfied with our answer, you may complain to the data protection authority.\n\nKind regards\n[name, company]', extensionSubject: 'Your request {reference}: more time needed', extension: 'Hello,\n\nWe received your request for {right} on {receivedOn} (reference {reference}). We need more time to answer it and will reply by {newDueBy} at the latest.\n\nThe reason: {reason}\n\nKind regards\n[name, company]' },
  sv: { subject: 'Din begäran {reference}: {right}', answer: 'Hej,\n\nVi tog emot din begäran om {right} den {receivedOn} (referens {reference}).\n\n{outcome}\n\nOm du inte är nöjd med vårt svar kan du klaga hos Integritetsskyddsmyndigheten.\n\nMed vänliga hälsningar\n[namn, företag]', extensionSubject: 'Din begäran {reference}: vi behöver mer tid', extension: 'Hej,\n\nVi tog emot din begäran om {right} den {receivedOn} (referens {reference}). Vi behöver mer tid för att besvara den och svarar senast {newDueBy}.\n\nSkälet: {reason}\n\nMed vänliga hälsningar\n[namn, företag]' },
  da: { subject: 'Din anmodning {reference}: {right}', answer: 'Hej,\n\nVi modtog din anmodning om {right} den {receivedOn} (reference {reference}).\n\n{outcome}\n\nHvis du ikke er tilfreds med vores svar, kan du klage til Datatilsynet.\n\nMed venlig hilsen\n[navn, virksomhed]', extensionSubject: 'Din anmodning {reference}: vi har brug for mere tid', extension: 'Hej,\n\nVi modtog din anmodning om {right} den {receivedOn} (reference {reference}). Vi har brug for mere tid til at besvare den og svarer senest {newDueBy}.\n\nBegrundelsen: {reason}\n\nMed venlig hilsen\n[navn, virksomhed]' },
  nb: { subject: 'Forespørselen din {reference}: {right}', answer: 'Hei,\n\nVi mottok forespørselen din om {right} den {receivedOn} (referanse {reference}).\n\n{outcome}\n\nHvis du ikke er fornøyd med svaret vårt, kan du klage til Datatilsynet.\n\nVennlig hilsen\n[navn, selskap]', extensionSubject: 'Forespørselen din {reference}: vi trenger mer tid', extension: 'Hei,\n\nVi mottok forespørselen din om {right} den {receivedOn} (referanse {reference}). Vi trenger mer tid til å besvare den og svarer senest {newDueBy}.\n\nBegrunnelsen: {reason}\n\nVennlig hilsen\n[navn, selskap]' },
  fi: { subject: 'Pyyntösi {reference}: {right}', answer: 'Hei,\n\nVastaanotimme pyyntösi, joka koskee seuraavaa: {right}, {receivedOn} (viite {reference}).\n\n{outcome}\n\nJos et ole tyytyväinen vastaukseemme, voit tehdä valituksen tietosuojavaltuutetun toimistolle.\n\nYstävällisin terveisin\n[nimi, yritys]', extensionSubject: 'Pyyntösi {reference}: tarvitsemme lisäaikaa', extension: 'Hei,\n\nVastaanotimme pyyntösi, joka koskee seuraavaa: {right}, {receivedOn} (viite {reference}). Tarvitsemme lisäaikaa vastataksemme ja vastaamme viimeistään {newDueBy}.\n\nSyy: {reason}\n\nYstävällisin terveisin\n[nimi, yritys]' },
  is: { subject: 'Beiðni þín {reference}: {right}', answer: 'Góðan dag,\n\nVið móttókum beiðni þína um {right} {receivedOn} (tilvísun {reference}).\n\n{outcome}\n\nEf þú ert ekki sátt(ur) við svar okkar getur þú kvartað til Persónuverndar.\n\nKveðja\n[nafn, fyrirtæki]', extensionSubject: 'Beiðni þín {reference}: við þurfum lengri tíma', extension: 'Góðan dag,\n\nVið móttókum beiðni þína um {right} {receivedOn} (tilvísun {reference}). Við þurfum lengri tíma til að svara henni og svörum í síðasta lagi {newDueBy}.\n\nÁstæðan: {reason}\n\nKveðja\n[nafn, fyrirtæki]' },
};

/** @param {string} right @param {string} locale */
export function rightName(right, locale) {
  const names = RIGHT_NAMES[emailLocale(locale)];
  return names[/** @type {keyof typeof names} */ (right)] ?? right;
}

/**
 * @param {{ reference: string, right: string, locale: string, receivedAt: string, dueBy: string,
 *   extension: { months: number, reason: string } | null }} request
 * @returns {{ answer: { locale: string, subject: string, body: string }, extension: { locale: string, subject: string, body: string } }}
 */
export function replyTemplates(request) {
  const locale = emailLocale(request.locale);
  const frame = FRAME[locale];
  const right = rightName(request.right, locale);
  const dateFormat = new Intl.DateTimeFormat(locale === 'nb' ? 'nb-NO' : locale, { dateStyle: 'long', timeZone: 'UTC' });
  const values = {
    reference: request.reference, right,
    receivedOn: dateFormat.format(new Date(request.receivedAt)),
    // The extension notice is drafted before the extension is saved: the new date is then still open.
    newDueBy: request.extension ? dateFormat.format(new Date(`${request.dueBy}T00:00:00Z`)) : '[date]',
    outcome: OUTCOME[locale][/** @type {keyof typeof OUTCOME.en} */ (request.right)] ?? '[…]',
    reason: request.extension?.reason ?? '[reason]',
  };
  return {
    answer: { locale, subject: fill(frame.subject, values), body: fill(frame.answer, values) },
    extension: { locale, subject: fill(frame.extensionSubject, values), body: fill(frame.extension, values) },
  };
}
