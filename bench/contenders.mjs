/**
 * The banners compared, each set up as its documentation shows, with the same two categories
 * (necessary, statistics), the same English texts where the library takes texts, a bottom bar
 * (or the library's closest layout), and one script gated on "statistics" that marks the time it
 * ran. Where a library ships several builds, the smallest one that shows its banner is used.
 *
 * Each contender says:
 *   root        selectors to the banner's first layer; each selector after the first is looked up
 *               in the shadow root of the element found before it
 *   accept      a Playwright selector for its Accept all button (CSS pierces open shadow roots)
 *   cookie      the cookie that holds the decision (its write is "decision stored")
 *   head/body   markup put into the shared page (see pages.mjs); `gated` is the gated script
 */

export const TEXT = {
  title: 'Cookies on this website',
  description:
    'We use necessary cookies to make this website work. With your consent, we also use cookies for statistics. You can change or withdraw your choice at any time under Cookie settings.',
  necessary: { title: 'Necessary', description: 'Needed for the website to work.' },
  statistics: { title: 'Statistics', description: 'Helps us understand how the website is used.' },
  acceptAll: 'Accept all',
  rejectAll: 'Reject all',
  customize: 'Customize',
  save: 'Save choices',
};

/** Marks when the gated statistics script ran; the probe (probe.mjs) created window.__bench. */
const MARK_GATED = 'window.__bench && (window.__bench.gatedAt = performance.now());';

/** Our configuration, English only, with a local endpoint for consent records. */
export const ourConfig = {
  version: 'bench-1',
  defaultLocale: 'en',
  consent: {
    endpoint: '/api/consent-records',
    title: TEXT.title,
    description: TEXT.description,
    layout: 'bar',
    categories: [
      { id: 'necessary', required: true, ...TEXT.necessary, cookies: ['privacy_consent'] },
      { id: 'statistics', ...TEXT.statistics, cookies: ['_ga', '_ga_*'] },
    ],
  },
};

const ours = (id, label, configSrc) => ({
  id,
  label,
  ours: true,
  root: ['cookie-banner', '.first-layer'],
  accept: 'cookie-banner .first-layer [part~="accept-button"]',
  cookie: 'privacy_consent',
  recordEndpoint: '/api/consent-records',
  head: '<script type="module" src="/dist/cookie-banner.js"></script>',
  gated: `<script type="text/plain" data-consent-category="statistics">${MARK_GATED}</script>`,
  body: configSrc
    ? '<cookie-banner config-src="/config/ours.json"></cookie-banner>'
    : // The `config` property set before the element upgrades; Lit picks it up on upgrade.
      `<cookie-banner></cookie-banner><script>document.querySelector('cookie-banner').config = ${JSON.stringify(ourConfig)};</script>`,
});

const vanillaCookieconsent = {
  id: 'vanilla-cookieconsent',
  label: 'vanilla-cookieconsent',
  package: 'vanilla-cookieconsent',
  root: ['#cc-main .cm'],
  accept: '#cc-main .cm [data-role="all"]',
  cookie: 'cc_cookie',
  head: '<link rel="stylesheet" href="/peer/vanilla-cookieconsent/dist/cookieconsent.css">',
  gated: `<script type="text/plain" data-category="statistics">${MARK_GATED}</script>`,
  body: `<script src="/peer/vanilla-cookieconsent/dist/cookieconsent.umd.js"></script>
<script>
CookieConsent.run(${JSON.stringify({
    // Its default hides the banner when navigator.webdriver is set, as it is under Playwright.
    hideFromBots: false,
    guiOptions: { consentModal: { layout: 'bar', position: 'bottom' } },
    categories: { necessary: { enabled: true, readOnly: true }, statistics: {} },
    language: {
      default: 'en',
      translations: {
        en: {
          consentModal: {
            title: TEXT.title,
            description: TEXT.description,
            acceptAllBtn: TEXT.acceptAll,
            acceptNecessaryBtn: TEXT.rejectAll,
            showPreferencesBtn: TEXT.customize,
          },
          preferencesModal: {
            title: 'Cookie settings',
            acceptAllBtn: TEXT.acceptAll,
            acceptNecessaryBtn: TEXT.rejectAll,
            savePreferencesBtn: TEXT.save,
            closeIconLabel: 'Close',
            sections: [
              { ...TEXT.necessary, linkedCategory: 'necessary' },
              { ...TEXT.statistics, linkedCategory: 'statistics' },
            ],
          },
        },
      },
    },
  })});
</script>`,
};

const klaroConfig = {
  version: 1,
  elementID: 'klaro',
  storageMethod: 'cookie',
  cookieName: 'klaro',
  lang: 'en',
  acceptAll: true,
  hideDeclineAll: false,
  mustConsent: false,
  showNoticeTitle: true,
  translations: {
    en: {
      ok: TEXT.acceptAll,
      decline: TEXT.rejectAll,
      consentNotice: { title: TEXT.title, description: TEXT.description, learnMore: TEXT.customize },
      purposes: { necessary: TEXT.necessary.title, statistics: TEXT.statistics.title },
      session: { description: TEXT.necessary.description },
      stats: { description: TEXT.statistics.description },
    },
  },
  services: [
    { name: 'session', title: TEXT.necessary.title, purposes: ['necessary'], required: true },
    { name: 'stats', title: TEXT.statistics.title, purposes: ['statistics'], cookies: ['_ga'] },
  ],
};

const klaro = {
  id: 'klaro',
  label: 'klaro',
  package: 'klaro',
  root: ['.klaro .cookie-notice'],
  accept: '.klaro .cookie-notice .cm-btn-success',
  cookie: 'klaro',
  // klaro.js has its CSS built in; its no-CSS build plus klaro.min.css transfers more.
  head: `<script>var klaroConfig = ${JSON.stringify(klaroConfig)};</script>
<script defer data-config="klaroConfig" src="/peer/klaro/dist/klaro.js"></script>`,
  gated: `<script type="text/plain" data-type="application/javascript" data-name="stats">${MARK_GATED}</script>`,
  body: '',
};

const tarteaucitron = {
  id: 'tarteaucitron',
  label: 'tarteaucitron',
  package: 'tarteaucitronjs',
  root: ['#tarteaucitronAlertBig'],
  accept: '#tarteaucitronPersonalize2',
  cookie: 'tarteaucitron',
  // useExternalJs: the page includes the English strings itself and defines its one service, so
  // tarteaucitron does not load its 197 kB list of every known service.
  head: `<script src="/peer/tarteaucitronjs/tarteaucitron.min.js"></script>
<script src="/peer/tarteaucitronjs/lang/tarteaucitron.en.min.js"></script>
<script>
var tarteaucitronCustomText = ${JSON.stringify({ middleBarHead: TEXT.title, alertBigPrivacy: TEXT.description, acceptAll: TEXT.acceptAll, denyAll: TEXT.rejectAll, personalize: TEXT.customize })};
tarteaucitron.init(${JSON.stringify({
    orientation: 'bottom',
    showTitleBanner: true,
    showAlertSmall: false,
    showIcon: false,
    cookieslist: false,
    removeCredit: true,
    moreInfoLink: false,
    highPrivacy: true,
    DenyAllCta: true,
    AcceptAllCta: true,
    mandatory: true,
    useExternalCss: false,
    useExternalJs: true,
    googleConsentMode: false,
    pianoConsentMode: false,
    bingConsentMode: false,
  })});
</script>`,
  gated: '',
  body: `<script>
tarteaucitron.services.statistics = {
  key: 'statistics', type: 'analytic', name: ${JSON.stringify(TEXT.statistics.title)}, uri: '', needConsent: true,
  cookies: ['_ga'],
  js: function () { ${MARK_GATED} },
  fallback: function () {},
};
(tarteaucitron.job = tarteaucitron.job || []).push('statistics');
</script>`,
};

/**
 * c15t: its headless core with the smallest banner a vanilla site writes around it (see
 * bench/peers/c15t-site.js), bundled by the bench as a site's build would (bench/peers.mjs).
 */
const c15t = {
  id: 'c15t',
  label: 'c15t',
  root: ['#consent-banner'],
  accept: '#consent-accept',
  cookie: 'c15t',
  head: '<link rel="stylesheet" href="/built/c15t/c15t-site.css">\n<script type="module" src="/built/c15t/c15t-site.js"></script>',
  gated: '',
  body: '',
};

/** What bench/peers.mjs builds the c15t site with: the shared texts and gated script body. */
export const c15tBuild = { text: TEXT, gated: MARK_GATED };

export const contenders = [
  ours('ours', 'ours (inline config)', false),
  ours('ours-config-src', 'ours (config-src)', true),
  vanillaCookieconsent,
  klaro,
  tarteaucitron,
  c15t,
];

/** The peers' npm packages, served from node_modules under /peer/. */
export const peerPackages = contenders.filter((c) => c.package).map((c) => c.package);
