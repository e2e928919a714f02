// Demo-page wiring only: decision display, event log, reset. Never shipped.
import './page-menu.js';
import './language-switcher.js';

const banner = document.querySelector('cookie-banner');
const state = document.querySelector('#consent-state');
const log = document.querySelector('#event-log');

function showState() {
  if (!banner || !state) return;
  const consent = banner.consent;
  state.textContent = consent ? JSON.stringify(consent, null, 2) : 'No decision yet.';
}

document.addEventListener('consent-change', (event) => {
  const { action, categories, record } = event.detail;
  const item = document.createElement('li');
  item.textContent = `${new Date().toLocaleTimeString()}: ${action} ${JSON.stringify(categories)} (receipt ${record.receiptId.slice(0, 8)})`;
  log?.prepend(item);
  showState();
});

customElements.whenDefined('cookie-banner').then(() => setTimeout(showState, 300));

document.querySelector('#reset')?.addEventListener('click', () => {
  document.cookie = 'privacy_consent=; Max-Age=0; Path=/';
  for (const name of ['demo_stats', 'demo_ads']) document.cookie = `${name}=; Max-Age=0; Path=/`;
  location.reload();
});
