// Demo-page wiring only: the form's configuration, the e-mail fallback switch, the event log and
// the interface language. Never shipped.
import './page-menu.js';
import './language-switcher.js';

const CONTROLLER = {
  name: 'Demo Energi AB',
  organizationNumber: '556000-0000',
  address: 'Kraftverksvägen 1\n123 45 Demostad\nSverige',
  email: 'info@demoenergi.example',
  rightsEmail: 'dataskydd@demoenergi.example',
  phone: '+46 10 000 00 00',
};

function configuration(withEndpoint) {
  return {
    version: '2026-11-21',
    defaultLocale: 'en',
    controllers: [CONTROLLER],
    rightsRequest: {
      ...(withEndpoint ? { endpoint: '/api/rights-requests' } : {}),
      fields: [
        {
          id: 'customerNumber',
          label: { en: 'Customer number', sv: 'Kundnummer', da: 'Kundenummer', nb: 'Kundenummer', fi: 'Asiakasnumero' },
          hint: {
            en: '8 digits, on your invoice. Helps us find your data.',
            sv: '8 siffror, står på din faktura. Hjälper oss att hitta dina uppgifter.',
            da: '8 cifre, står på din faktura. Hjælper os med at finde dine oplysninger.',
            nb: '8 sifre, står på fakturaen din. Hjelper oss å finne opplysningene dine.',
            fi: '8 numeroa, löytyy laskusta. Auttaa meitä löytämään tietosi.',
          },
          pattern: '[0-9]{8}',
        },
        {
          id: 'facilityId',
          label: { en: 'Facility ID (optional)', sv: 'Anläggnings-ID (frivilligt)', da: 'Målepunkts-ID (frivilligt)', nb: 'Målepunkt-ID (frivillig)', fi: 'Käyttöpaikan tunnus (vapaaehtoinen)' },
        },
      ],
      retention: { en: '3 years', sv: '3 år', da: '3 år', nb: '3 år', fi: '3 vuotta' },
      erasureNote: {
        en: 'Invoices and payments are kept for 7 years after the end of the financial year, as the Bookkeeping Act requires.',
        sv: 'Fakturor och betalningar sparas i 7 år efter räkenskapsårets slut, som bokföringslagen kräver.',
      },
      otherChannels: {
        en: 'Customers can also see their data under My pages after logging in.',
        sv: 'Som kund kan du också se dina uppgifter på Mina sidor när du har loggat in.',
      },
      noticeUrl: '/policies.html',
    },
  };
}

const form = document.querySelector('#rights-request');
const fallback = document.querySelector('#email-fallback');
const log = document.querySelector('#event-log');

form.config = configuration(true);
fallback.addEventListener('change', () => {
  form.config = configuration(!fallback.checked);
});

function note(text) {
  const item = document.createElement('li');
  item.textContent = `${new Date().toLocaleTimeString()}: ${text}`;
  log.prepend(item);
}

form.addEventListener('rights-request-submit', (event) => {
  const { request, channel } = event.detail;
  note(`rights-request-submit: ${request.right} via ${channel}, requestId ${request.requestId.slice(0, 8)}…`);
});
form.addEventListener('rights-request-success', (event) => {
  const { request, receipt } = event.detail;
  note(`rights-request-success: ${request.right}, reference ${receipt.reference}, answer due ${receipt.dueBy}`);
});
form.addEventListener('rights-request-error', (event) => {
  const { request, kind, status } = event.detail;
  note(`rights-request-error: ${kind}${status ? ` (${status})` : ''}, requestId ${request.requestId.slice(0, 8)}…`);
});

