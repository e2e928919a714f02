// Demo-page wiring only: which policy is shown (?policy=…) and the interface language. Never shipped.
import './page-menu.js';
import './language-switcher.js';

const POLICIES = ['veni', 'kwhgreen', 'kalmar', 'naestved', 'elveta'];
const policySelect = document.querySelector('#policy');
const configLink = document.querySelector('#config-link');
const elements = document.querySelectorAll('cookie-banner, privacy-notice, rights-request-form');

/** Points the three elements at one policy file; each reloads its configuration. */
function showPolicy(name) {
  const src = `policies/${name}.json`;
  for (const element of elements) element.setAttribute('config-src', src);
  configLink.href = src;
  configLink.textContent = `Configuration: ${src}`;
  policySelect.value = name;
}

const requested = new URLSearchParams(location.search).get('policy');
showPolicy(POLICIES.includes(requested) ? requested : 'veni');

policySelect.addEventListener('change', () => {
  const url = new URL(location.href);
  url.searchParams.set('policy', policySelect.value);
  url.hash = '';
  history.replaceState(null, '', url);
  showPolicy(policySelect.value);
});


