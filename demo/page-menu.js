// Demo pages: the menu of demo pages, in one place. Each page's <header> has only its brand line;
// this adds the menu after it, with the page it is on marked as current. Built from elements and
// text (no HTML strings), so it runs under the pages' strict CSP with Trusted Types. Never shipped.
const PAGES = [
  ['/', 'Cookie banner'],
  ['/embeds.html', 'Embeds'],
  ['/google-tags.html', 'Google tags'],
  ['/real-site.html', 'All together'],
  ['/policies.html', 'Privacy notices'],
  ['/rights.html', 'Rights request'],
  ['/editor.html', 'Settings editor'],
];

// By file name: `npm start` serves the pages at /, the test runner at /demo/.
const fileName = (path) => path.slice(path.lastIndexOf('/') + 1) || 'index.html';
const here = fileName(location.pathname);

const nav = document.createElement('nav');
nav.setAttribute('aria-label', 'Demo pages');
for (const [href, text] of PAGES) {
  const link = document.createElement('a');
  link.href = href;
  link.textContent = text;
  if (fileName(href) === here) link.setAttribute('aria-current', 'page');
  nav.append(link);
}
document.querySelector('header .brand').after(nav);
