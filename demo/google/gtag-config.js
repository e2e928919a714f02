// The inline part of Google's gtag.js snippet for a GA4 tag, as a file (strict CSP: no inline scripts).
window.dataLayer = window.dataLayer || [];
function gtag() {
  // eslint-disable-next-line prefer-rest-params
  window.dataLayer.push(arguments);
}
gtag('js', new Date());
gtag('config', 'G-DEMO');
