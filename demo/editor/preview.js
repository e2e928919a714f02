// The live preview: a real <cookie-banner> and <privacy-notice> fed the configuration being
// edited. The banner is normally fixed to the window; the preview frame is a containing block
// (CSS `contain: layout`), so the bar or box sits inside the frame instead of over the form.
// An iframe would isolate more, but the demo's Content-Security-Policy forbids framing.
import { h, replaceChildren } from './dom.js';
import { languageName } from './labels.js';

/** The preview keeps its decision in its own cookie and sends no records, so trying it never touches the real site's choice. */
const PREVIEW_COOKIE = 'privacy_editor_preview';

export function previewConfig(config) {
  const copy = structuredClone(config);
  if (copy.consent && typeof copy.consent === 'object') {
    delete copy.consent.endpoint;
    delete copy.consent.reloadOnWithdraw;
    copy.consent.cookie = { name: PREVIEW_COOKIE, maxAgeDays: 1 };
    // The modal layout would block the editor; the preview shows it as a box and says so.
    if (copy.consent.layout === 'modal') copy.consent.layout = 'box';
  }
  return copy;
}

function forgetPreviewDecision() {
  document.cookie = `${PREVIEW_COOKIE}=; Max-Age=0; Path=/; SameSite=Lax`;
}

export class Preview {
  constructor(root) {
    this.root = root;
    this.language = document.querySelector('#preview-language');
    this.note = root.querySelector('#preview-note');
    this.frame = root.querySelector('#banner-frame');
    this.banner = root.querySelector('cookie-banner');
    this.noticeHolder = root.querySelector('#notice-preview');
    this.language.addEventListener('change', () => this.setLanguage(this.language.value));
    root.querySelector('#show-preferences').addEventListener('click', (event) => this.banner.showPreferences(event.currentTarget));
    root.querySelector('#show-banner-again').addEventListener('click', () => this.show(this.lastConfig));
  }

  /** Fills the language list; keeps the chosen language when it is still offered. */
  setLanguages(languages) {
    const current = this.language.value;
    replaceChildren(this.language, languages.map((language) => h('option', { value: language }, languageName(language))));
    if (languages.includes(current)) this.language.value = current;
    this.setLanguage(this.language.value);
  }

  setLanguage(language) {
    for (const element of [this.banner, this.notice]) {
      if (!element) continue;
      if (language) element.setAttribute('lang', language);
      else element.removeAttribute('lang');
    }
  }

  /**
   * Shows `config` when its banner part is valid (`bannerProblems` empty); otherwise keeps the
   * last good preview and says why.
   */
  show(config, bannerProblems) {
    if (!config) return;
    if (bannerProblems && bannerProblems.length > 0) {
      this.note.textContent = 'The preview shows your last version without problems. Fix the problems listed below to see your latest changes.';
      return;
    }
    this.lastConfig = config;
    this.note.textContent = config.consent?.layout === 'modal' ? 'On the website the banner is a window in the middle of the page; here it is shown as a box.' : '';
    // Every change shows the first layer again, as a visitor who has not chosen would see it.
    forgetPreviewDecision();
    this.banner.config = previewConfig(config);
    this.showNotice(config);
  }

  showNotice(config) {
    if (!customElements.get('privacy-notice')) {
      replaceChildren(this.noticeHolder, h('p', { class: 'hint' }, 'The privacy notice preview appears here when the library includes <privacy-notice>.'));
      return;
    }
    if (!config.notice) {
      replaceChildren(this.noticeHolder, h('p', { class: 'hint' }, 'This file has no privacy notice.'));
      this.notice = undefined;
      return;
    }
    if (!this.notice) {
      this.notice = document.createElement('privacy-notice');
      replaceChildren(this.noticeHolder, this.notice);
      this.setLanguage(this.language.value);
    }
    this.notice.config = structuredClone(config);
  }
}
