// The finished file leaves the editor as a download made in the browser: no server involved.

/** The file's text: two-space JSON with a final newline, keys in the order they were opened in. */
export function serialize(config) {
  return `${JSON.stringify(config, null, 2)}\n`;
}

let lastUrl;

/**
 * Points `link` at a new file with `json` and clicks it. The link stays, so the file can be
 * downloaded again; its `href` is the file (tests read it back with fetch).
 */
export function offerDownload(link, json, fileName) {
  if (lastUrl) URL.revokeObjectURL(lastUrl);
  lastUrl = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
  link.href = lastUrl;
  link.download = fileName;
  link.hidden = false;
  link.textContent = `Download ${fileName} again`;
  link.click();
}

/** Takes the link away when the file changed since, so an outdated file is not downloaded by mistake. */
export function withdrawDownload(link) {
  if (link.hidden) return;
  link.hidden = true;
  link.removeAttribute('href');
  if (lastUrl) URL.revokeObjectURL(lastUrl);
  lastUrl = undefined;
}

/** A safe file name ending in .json. */
export function fileNameOf(name) {
  const base = (name || 'privacy.json').trim().replace(/[\\/:*?"<>|]+/g, '-');
  return /\.json$/i.test(base) ? base : `${base}.json`;
}
