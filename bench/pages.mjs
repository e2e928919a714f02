/**
 * One page for every contender: the same heading and paragraphs, the contender's markup added
 * where its documentation puts it, and its gated statistics script at the end of the content.
 * A "blank" page (the same page without any banner) is the baseline for the JS heap.
 */

const paragraph =
  'Our district heating network delivers warmth to homes and businesses in the region. This page describes our prices, the connection process and how to reach customer service.';

export function benchPage({ title, head = '', gated = '', body = '' }) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${title}</title>
<style>body { font: 16px/1.5 system-ui, sans-serif; max-width: 40rem; margin: 0 auto; padding: 1rem; }</style>
${head}
</head>
<body>
<header><h1>Example Energy</h1></header>
<main>
${Array.from({ length: 8 }, (_, i) => `<h2>Section ${i + 1}</h2>\n<p>${paragraph}</p>`).join('\n')}
${gated}
</main>
${body}
</body>
</html>
`;
}

/** A page that only loads the all-elements bundle; the element benches add elements to it. */
export function elementsPage() {
  return benchPage({ title: 'Bench: elements', head: '<script type="module" src="/dist/privacy-elements.js"></script>' });
}
