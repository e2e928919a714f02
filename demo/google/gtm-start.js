// The first half of Google Tag Manager's snippet: the `gtm.js` event that starts the container.
// The snippet's second half inserts <script src="…/gtm.js?id=…">; this demo runs under a strict
// CSP with Trusted Types, where a page may not create script URLs from strings, so the page
// loads the container (the local stand-in) as the next gated script instead.
window.dataLayer = window.dataLayer || [];
window.dataLayer.push({ 'gtm.start': new Date().getTime(), event: 'gtm.js' });
