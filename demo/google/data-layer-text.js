// Demo pages: window.dataLayer as text, one entry a line; gtag() calls (Arguments objects) as
// they were written. Shown with textContent, never as HTML. Never shipped.
const isArguments = (entry) => Object.prototype.toString.call(entry) === '[object Arguments]';

export function dataLayerText() {
  return (window.dataLayer ?? [])
    .map((entry) => (isArguments(entry) ? `gtag(${[...entry].map((value) => JSON.stringify(value)).join(', ')})` : JSON.stringify(entry)))
    .join('\n');
}
