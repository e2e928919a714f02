// Texts of the e-mails and of the verification page, in every interface
// language (sv, da, nb, fi, en, is). Plain text; {name} placeholders are
// filled by fill(). Requesters get their request's language; staff the
// STAFF_EMAIL_LOCALE. Rights names are in domain/reply-templates.js.
import { EMAIL_LOCALES } from '../config.js';

/** @param {string | undefined} locale e.g. 'sv-FI' @returns {'sv'|'da'|'nb'|'fi'|'en'|'is'} */
export function emailLocale(locale) {
  const base = (locale ?? '').toLowerCase().split('-')[0];
  const mapped = base === 'no' || base === 'nn' ? 'nb' : base;
  return /** @type {any} */ (EMAIL_LOCALES.includes(mapped) ? mapped : 'en');
}

/** @param {string} template @param {Record<string, string | number>} values */
export function fill(template, values) {
  return template.replace(/\{(\w+)\}/g, (whole, key) => (key in values ? String(values[key]) : whole));
}

export const VERIFICATION = {
  en: { subject: 'Confirm your e-mail address ({reference})',
    body: 'We have received your request (reference {reference}).\n\nPlease confirm that this e-mail address is yours by opening this link within 24 hours:\n{link}\n\nIf you did not send a request, ignore this message.' },
  sv: { subject: 'Bekräfta din e-postadress ({reference})',
    body: 'Vi har tagit emot din begäran (referens {reference}).\n\nBekräfta att e-postadressen är din genom att öppna den här länken inom 24 timmar:\n{link}\n\nOm du inte har skickat någon begäran kan du bortse från meddelandet.' },
  da: { subject: 'Bekræft din e-mailadresse ({reference})',
    body: 'Vi har modtaget din anmodning (reference {reference}).\n\nBekræft, at e-mailadressen er din, ved at åbne dette link inden for 24 timer:\n{link}\n\nHvis du ikke har sendt en anmodning, kan du se bort fra denne besked.' },
  nb: { subject: 'Bekreft e-postadressen din ({reference})',
    body: 'Vi har mottatt forespørselen din (referanse {reference}).\n\nBekreft at e-postadressen er din ved å åpne denne lenken innen 24 timer:\n{link}\n\nHvis du ikke har sendt noen forespørsel, kan du se bort fra denne meldingen.' },
  fi: { subject: 'Vahvista sähköpostiosoitteesi ({reference})',
    body: 'Olemme vastaanottaneet pyyntösi (viite {reference}).\n\nVahvista, että sähköpostiosoite on sinun, avaamalla tämä linkki 24 tunnin kuluessa:\n{link}\n\nJos et ole lähettänyt pyyntöä, voit jättää tämän viestin huomiotta.' },
  is: { subject: 'Staðfestu netfangið þitt ({reference})',
    body: 'Við höfum móttekið beiðni þína (tilvísun {reference}).\n\nStaðfestu að netfangið sé þitt með því að opna þennan tengil innan 24 klukkustunda:\n{link}\n\nEf þú sendir enga beiðni geturðu hunsað þessi skilaboð.' },
};

/** The page behind the link: a button that POSTs, so that a mail scanner's prefetch confirms nothing. */
export const VERIFY_PAGE = {
  en: { title: 'Confirm your e-mail address', intro: 'Confirm that the e-mail address you gave with request {reference} is yours.', button: 'Confirm', done: 'Thank you. Your e-mail address is confirmed.', invalid: 'This link has already been used or is not valid.', expired: 'This link has expired (it was valid for 24 hours). Your request is still being handled.' },
  sv: { title: 'Bekräfta din e-postadress', intro: 'Bekräfta att e-postadressen du angav i begäran {reference} är din.', button: 'Bekräfta', done: 'Tack. Din e-postadress är bekräftad.', invalid: 'Länken har redan använts eller är inte giltig.', expired: 'Länken har gått ut (den gällde i 24 timmar). Din begäran handläggs ändå.' },
  da: { title: 'Bekræft din e-mailadresse', intro: 'Bekræft, at den e-mailadresse, du angav i anmodning {reference}, er din.', button: 'Bekræft', done: 'Tak. Din e-mailadresse er bekræftet.', invalid: 'Linket er allerede brugt eller er ikke gyldigt.', expired: 'Linket er udløbet (det gjaldt i 24 timer). Din anmodning bliver stadig behandlet.' },
  nb: { title: 'Bekreft e-postadressen din', intro: 'Bekreft at e-postadressen du oppga i forespørsel {reference}, er din.', button: 'Bekreft', done: 'Takk. E-postadressen din er bekreftet.', invalid: 'Lenken er allerede brukt eller er ikke gyldig.', expired: 'Lenken har utløpt (den gjaldt i 24 timer). Forespørselen din blir likevel behandlet.' },
  fi: { title: 'Vahvista sähköpostiosoitteesi', intro: 'Vahvista, että pyynnössä {reference} antamasi sähköpostiosoite on sinun.', button: 'Vahvista', done: 'Kiitos. Sähköpostiosoitteesi on vahvistettu.', invalid: 'Linkki on jo käytetty tai se ei ole voimassa.', expired: 'Linkki on vanhentunut (se oli voimassa 24 tuntia). Pyyntösi käsitellään silti.' },
  is: { title: 'Staðfestu netfangið þitt', intro: 'Staðfestu að netfangið sem þú gafst upp í beiðni {reference} sé þitt.', button: 'Staðfesta', done: 'Takk. Netfangið þitt er staðfest.', invalid: 'Þessi tengill hefur þegar verið notaður eða er ekki gildur.', expired: 'Tengillinn er útrunninn (hann gilti í 24 klukkustundir). Beiðni þín er samt í vinnslu.' },
};

/** To the controller's rights address. No personal data in the subject (nor in the body: open the console). */
export const NOTIFICATION = {
  en: { subject: 'New rights request {reference}', body: 'A new rights request has arrived.\n\nReference: {reference}\nRight: {right}\nReceived: {receivedAt}\nDue by: {dueBy}\n\nOpen it in the staff console:\n{link}' },
  sv: { subject: 'Ny begäran {reference}', body: 'En ny begäran om rättigheter har kommit in.\n\nReferens: {reference}\nRättighet: {right}\nMottagen: {receivedAt}\nSvar senast: {dueBy}\n\nÖppna den i personalkonsolen:\n{link}' },
  da: { subject: 'Ny anmodning {reference}', body: 'En ny anmodning om rettigheder er modtaget.\n\nReference: {reference}\nRettighed: {right}\nModtaget: {receivedAt}\nSvarfrist: {dueBy}\n\nÅbn den i personalekonsollen:\n{link}' },
  nb: { subject: 'Ny forespørsel {reference}', body: 'En ny forespørsel om rettigheter har kommet inn.\n\nReferanse: {reference}\nRettighet: {right}\nMottatt: {receivedAt}\nSvarfrist: {dueBy}\n\nÅpne den i personalkonsollen:\n{link}' },
  fi: { subject: 'Uusi pyyntö {reference}', body: 'Uusi oikeuksia koskeva pyyntö on saapunut.\n\nViite: {reference}\nOikeus: {right}\nVastaanotettu: {receivedAt}\nVastattava viimeistään: {dueBy}\n\nAvaa se henkilöstön konsolissa:\n{link}' },
  is: { subject: 'Ný beiðni {reference}', body: 'Ný beiðni um réttindi hefur borist.\n\nTilvísun: {reference}\nRéttur: {right}\nMóttekin: {receivedAt}\nSvara í síðasta lagi: {dueBy}\n\nOpnaðu hana í starfsmannagáttinni:\n{link}' },
};

/** The daily reminder to handlers; {list} is one line per request. */
export const REMINDER = {
  en: { subject: 'Rights requests due within 7 days: {count}', body: 'These rights requests are due within 7 days or overdue:\n\n{list}\n\nStaff console: {link}', line: '{reference}  {right}  due {dueBy} ({daysLeft} days left)' },
  sv: { subject: 'Begäranden som förfaller inom 7 dagar: {count}', body: 'De här begärandena ska besvaras inom 7 dagar eller är försenade:\n\n{list}\n\nPersonalkonsolen: {link}', line: '{reference}  {right}  senast {dueBy} ({daysLeft} dagar kvar)' },
  da: { subject: 'Anmodninger med frist inden for 7 dage: {count}', body: 'Disse anmodninger har frist inden for 7 dage eller er forsinkede:\n\n{list}\n\nPersonalekonsol: {link}', line: '{reference}  {right}  frist {dueBy} ({daysLeft} dage tilbage)' },
  nb: { subject: 'Forespørsler med frist innen 7 dager: {count}', body: 'Disse forespørslene har frist innen 7 dager eller er forsinket:\n\n{list}\n\nPersonalkonsoll: {link}', line: '{reference}  {right}  frist {dueBy} ({daysLeft} dager igjen)' },
  fi: { subject: '7 päivän sisällä erääntyvät pyynnöt: {count}', body: 'Näihin pyyntöihin on vastattava 7 päivän sisällä tai ne ovat myöhässä:\n\n{list}\n\nHenkilöstön konsoli: {link}', line: '{reference}  {right}  viimeistään {dueBy} ({daysLeft} päivää jäljellä)' },
  is: { subject: 'Beiðnir á gjalddaga innan 7 daga: {count}', body: 'Þessum beiðnum þarf að svara innan 7 daga eða þær eru komnar fram yfir frest:\n\n{list}\n\nStarfsmannagátt: {link}', line: '{reference}  {right}  í síðasta lagi {dueBy} ({daysLeft} dagar eftir)' },
};

export const SETUP_LINK = {
  en: { subject: 'Your staff console account', body: 'An account has been created for you in the staff console (or your password was reset).\n\nChoose your password with this link within 72 hours; it works once:\n{link}' },
  sv: { subject: 'Ditt konto i personalkonsolen', body: 'Ett konto har skapats åt dig i personalkonsolen (eller så har ditt lösenord återställts).\n\nVälj lösenord med den här länken inom 72 timmar; den fungerar en gång:\n{link}' },
  da: { subject: 'Din konto i personalekonsollen', body: 'Der er oprettet en konto til dig i personalekonsollen (eller din adgangskode er nulstillet).\n\nVælg din adgangskode med dette link inden for 72 timer; det virker én gang:\n{link}' },
  nb: { subject: 'Kontoen din i personalkonsollen', body: 'Det er opprettet en konto for deg i personalkonsollen (eller passordet ditt er tilbakestilt).\n\nVelg passord med denne lenken innen 72 timer; den virker én gang:\n{link}' },
  fi: { subject: 'Tilisi henkilöstön konsolissa', body: 'Sinulle on luotu tili henkilöstön konsoliin (tai salasanasi on nollattu).\n\nValitse salasana tällä linkillä 72 tunnin kuluessa; se toimii kerran:\n{link}' },
  is: { subject: 'Aðgangurinn þinn að starfsmannagáttinni', body: 'Aðgangur hefur verið stofnaður fyrir þig í starfsmannagáttinni (eða lykilorðið þitt endurstillt).\n\nVeldu lykilorð með þessum tengli innan 72 klukkustunda; hann virkar einu sinni:\n{link}' },
};
