/**
 * Fetches `config-src` once per URL for the whole page, so a banner, a notice and a form that
 * name the same file share one request. Failures become readable errors; nothing throws into
 * the host page.
 */
const requests = new Map<string, Promise<unknown>>();

export class ConfigLoadError extends Error {
  override name = 'ConfigLoadError';
}

export function fetchConfig(src: string): Promise<unknown> {
  const url = new URL(src, document.baseURI).href;
  let request = requests.get(url);
  if (!request) {
    request = download(url);
    requests.set(url, request);
    // A failed download may be retried by a later element (e.g. after the network came back).
    request.catch(() => requests.delete(url));
  }
  return request;
}

async function download(url: string): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  } catch {
    throw new ConfigLoadError(`could not load the configuration from ${url} (network error)`);
  }
  if (!response.ok) throw new ConfigLoadError(`could not load the configuration from ${url} (HTTP ${response.status})`);
  try {
    return await response.json();
  } catch {
    throw new ConfigLoadError(`the configuration at ${url} is not valid JSON`);
  }
}

const reported = new Set<string>();

/** Logs a configuration problem once per page, however many elements run into it. */
export function reportOnce(message: string): void {
  if (reported.has(message)) return;
  reported.add(message);
  console.error(`privacy-elements: ${message}`);
}
