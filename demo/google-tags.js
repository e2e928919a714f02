// Demo-page wiring only: the banner's configuration (privacy.json with Google Consent Mode on), and
// what the Google tag stand-ins saw, shown as text (no HTML from data). Never shipped.
import './page-menu.js';
import './language-switcher.js';
import { dataLayerText } from './google/data-layer-text.js';

const banner = document.querySelector('cookie-banner');
const hits = document.querySelector('#hits');
const states = document.querySelector('#tag-states');
const layer = document.querySelector('#data-layer');
document.querySelector('#gpc').textContent = navigator.globalPrivacyControl === true ? 'on: marketing is refused on the first visit' : 'off';

const config = await (await fetch('privacy.json')).json();
config.consent.googleConsentMode = true;
banner.config = config;

function cell(row, text) {
  const td = document.createElement('td');
  td.textContent = text;
  row.append(td);
}

function show(tags) {
  hits.replaceChildren(
    ...tags.hits.map((hit) => {
      const row = document.createElement('tr');
      for (const text of [hit.tag, hit.hit, hit.consent.analytics_storage, hit.consent.ad_storage, hit.consent.ad_user_data, hit.cookies]) cell(row, text);
      return row;
    }),
  );
  states.textContent = tags.tags.map((tag) => `${tag.id}: ${JSON.stringify(tag.state(), null, 1)}`).join('\n');
}

function showDataLayer() {
  layer.textContent = dataLayerText();
}

// The stand-ins load only once their category is granted (basic mode).
const waitForTags = setInterval(() => {
  showDataLayer();
  if (window.__googleTags) {
    window.__googleTags.listen((tags) => (show(tags), showDataLayer()));
    clearInterval(waitForTags);
  }
}, 200);

document.querySelector('#reset').addEventListener('click', () => {
  for (const name of ['privacy_consent', '_ga']) document.cookie = `${name}=; Max-Age=0; Path=/`;
  location.reload();
});
