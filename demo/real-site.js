// Demo-page wiring only, never shipped: the banner's configuration (privacy.json with Google
// Consent Mode on and a "Maps and services" category for the map), the map added after load
// (as a CMS's later render would), and what the Google tag stand-ins saw, shown as text.
import './page-menu.js';
import './language-switcher.js';
import { dataLayerText } from './google/data-layer-text.js';
import { addMapLater } from './late-map.js';

const banner = document.querySelector('cookie-banner');
document.querySelector('#gpc').textContent = navigator.globalPrivacyControl === true ? 'on: Marketing is refused on the first visit' : 'off';

const config = await (await fetch('privacy.json')).json();
config.consent.googleConsentMode = true; // preferences → functionality_storage, personalization_storage
// The map's category: not sale or sharing, so GPC does not refuse it (only Marketing's "gpc": "deny").
config.consent.categories.splice(1, 0, {
  id: 'preferences',
  title: { en: 'Maps and services', sv: 'Kartor och tjänster', da: 'Kort og tjenester', nb: 'Kart og tjenester', fi: 'Kartat ja palvelut', is: 'Kort og þjónustur' },
  description: {
    en: 'Shows maps and similar services from other companies on our pages, such as the Google map on "Find us".',
    sv: 'Visar kartor och liknande tjänster från andra företag på våra sidor, till exempel Google-kartan under "Hitta hit".',
    da: 'Viser kort og lignende tjenester fra andre virksomheder på vores sider, fx Google-kortet under "Find os".',
    nb: 'Viser kart og lignende tjenester fra andre selskaper på sidene våre, for eksempel Google-kartet under "Finn oss".',
    fi: 'Näyttää sivuillamme karttoja ja muita muiden yritysten palveluita, kuten Google-kartan kohdassa "Löydä meille".',
    is: 'Sýnir kort og svipaða þjónustu frá öðrum fyrirtækjum á síðunum okkar, til dæmis Google-kortið undir "Finndu okkur".',
  },
});
banner.config = config;

addMapLater('preferences');

const hits = document.querySelector('#hits');
const layer = document.querySelector('#data-layer');
function show() {
  layer.textContent = dataLayerText();
  const seen = window.__googleTags?.hits ?? [];
  hits.replaceChildren(
    ...seen.map((hit) => {
      const item = document.createElement('li');
      item.textContent = `${hit.tag}: ${hit.hit}, analytics_storage ${hit.consent.analytics_storage}, ad_storage ${hit.consent.ad_storage}, cookies ${hit.cookies}`;
      return item;
    }),
  );
}
// The stand-ins load only once Statistics is granted (basic mode); consent changes come as events.
show();
banner.addEventListener('consent-change', () => setTimeout(show));
const waitForTags = setInterval(() => {
  if (!window.__googleTags) return;
  window.__googleTags.listen(show);
  clearInterval(waitForTags);
}, 200);
