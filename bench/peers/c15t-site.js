/**
 * The c15t contender: what a vanilla site ships around the headless `c15t` core (2.x), following
 * its "Building UI" example: the runtime in offline mode (consent in the `c15t` cookie, no
 * backend), one gated inline script on "measurement" through c15t's script loader, and the
 * smallest banner a site would write: a bottom bar with the same title, text and three buttons as
 * the other contenders, shown and hidden from the store's `activeUI`. bench/peers.mjs bundles it
 * with Vite (minified, tree-shaken), as a site's build would.
 *
 * c15t's categories are fixed names; "measurement" is the statistics category here. TEXT and the
 * gated script's body come in through `define` (see peers.mjs), so all contenders share them.
 */
import { getOrCreateConsentRuntime } from 'c15t';
import './c15t-site.css';

/* global __TEXT__, __GATED__ */
const TEXT = __TEXT__;

const { consentStore } = getOrCreateConsentRuntime({
  mode: 'offline',
  consentCategories: ['necessary', 'measurement'],
  scripts: [{ id: 'statistics', category: 'measurement', textContent: __GATED__ }],
});

function createBanner() {
  const banner = document.createElement('div');
  banner.id = 'consent-banner';
  banner.setAttribute('role', 'dialog');
  banner.setAttribute('aria-labelledby', 'consent-title');
  const title = document.createElement('h2');
  title.id = 'consent-title';
  title.textContent = TEXT.title;
  const description = document.createElement('p');
  description.textContent = TEXT.description;
  const buttons = document.createElement('div');
  const button = (id, label, onClick) => {
    const element = document.createElement('button');
    element.id = id;
    element.type = 'button';
    element.textContent = label;
    element.addEventListener('click', onClick);
    buttons.append(element);
  };
  button('consent-accept', TEXT.acceptAll, () => consentStore.getState().saveConsents('all'));
  button('consent-reject', TEXT.rejectAll, () => consentStore.getState().saveConsents('necessary'));
  button('consent-customize', TEXT.customize, () => consentStore.getState().setActiveUI('dialog'));
  banner.append(title, description, buttons);
  document.body.append(banner);
  return banner;
}

const banner = createBanner();
const show = (state) => {
  banner.style.display = state.activeUI === 'banner' ? 'block' : 'none';
};
show(consentStore.getState());
consentStore.subscribe(show);
