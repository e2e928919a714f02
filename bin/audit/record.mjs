/**
 * Records what a page does, step by step ("phases"): the requests it makes, its writes to
 * localStorage, sessionStorage and IndexedDB (seen as they happen, through an init script, so an
 * entry written and removed again is seen too), the scripts the browser runs (through the
 * DevTools protocol, to recognise a gated inline script run by someone else than the banner),
 * and, at the end of each phase, every cookie of the profile, the storage of every frame, and the
 * page's elements marked data-consent-category. Judging all this is findings.mjs's job.
 */

const BINDING = '__privacyElementsAudit';

/** Runs in every frame before the page's own scripts; reports each storage write to the binding. */
function storageHook(binding) {
  const report = (area, name) => {
    try {
      window[binding]?.({ area, name: String(name), origin: location.origin });
    } catch {
      /* the page replaced or broke the binding: the end-of-phase read still sees the entry */
    }
  };
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (key, value) {
    let area = 'sessionStorage';
    try {
      if (this === window.localStorage) area = 'localStorage';
    } catch {
      /* localStorage refused in this frame */
    }
    report(area, key);
    return setItem.call(this, key, value);
  };
  const open = IDBFactory.prototype.open;
  IDBFactory.prototype.open = function (name, ...rest) {
    report('indexedDB', name);
    return open.call(this, name, ...rest);
  };
}

/** Runs in a frame at the end of a phase: the names of every storage entry it can see. */
async function storageEntries() {
  const entries = [];
  const origin = location.origin;
  for (const area of ['localStorage', 'sessionStorage']) {
    try {
      for (const name of Object.keys(window[area])) entries.push({ area, name, origin });
    } catch {
      /* refused */
    }
  }
  try {
    for (const { name } of await indexedDB.databases()) entries.push({ area: 'indexedDB', name, origin });
  } catch {
    /* refused */
  }
  try {
    if (window.caches) for (const name of await caches.keys()) entries.push({ area: 'Cache Storage', name, origin });
  } catch {
    /* refused, or not a secure context */
  }
  return entries;
}

/** Runs in the page: every element marked data-consent-category, as the audit needs it. */
function gatedElements() {
  return [...document.querySelectorAll('[data-consent-category]')].map((element) => {
    const isScript = element instanceof HTMLScriptElement;
    const consentSrc = element.getAttribute('data-consent-src');
    return {
      tag: element.localName,
      categories: (element.getAttribute('data-consent-category') ?? '').split(/\s+/).filter(Boolean),
      src: isScript ? element.src || null : consentSrc ? new URL(consentSrc, document.baseURI).href : null,
      text: isScript && !element.src ? element.text : null,
      // Still waiting for consent, as the banner's script gating expects it.
      waiting: isScript ? element.type === 'text/plain' : !element.hasAttribute('src'),
      activatedByBanner: element.hasAttribute('data-consent-activated'),
    };
  });
}

function withTimeout(promise, ms, fallback) {
  return Promise.race([promise, new Promise((resolve) => setTimeout(() => resolve(fallback), ms))]);
}

/** Starts recording `page` (not yet navigated) in `context`; phases are named by the caller. */
export async function startRecording(context, page) {
  let phase = 'loading';
  const requests = [];
  const storageWrites = [];
  const scripts = [];
  await context.exposeBinding(BINDING, (_source, entry) => storageWrites.push({ phase, ...entry }));
  await context.addInitScript(storageHook, BINDING);
  context.on('request', (request) => {
    if (/^https?:/.test(request.url())) requests.push({ phase, url: request.url(), resourceType: request.resourceType() });
  });
  const cdp = await context.newCDPSession(page);
  cdp.on('Debugger.scriptParsed', ({ scriptId, url }) => scripts.push({ phase, scriptId, url }));
  await cdp.send('Debugger.enable');

  /** Script ids of `phase` whose source is one of `texts` (gated inline scripts' text). */
  async function scriptsRunWithText(phaseName, texts) {
    const wanted = new Set(texts.map((text) => text.trim()).filter(Boolean));
    if (wanted.size === 0) return [];
    const pageUrls = new Set(['', page.url()]);
    const found = [];
    for (const script of scripts.filter((s) => s.phase === phaseName && pageUrls.has(s.url))) {
      try {
        const { scriptSource } = await cdp.send('Debugger.getScriptSource', { scriptId: script.scriptId });
        if (wanted.has(scriptSource.trim())) found.push(scriptSource.trim());
      } catch {
        /* the script is gone (its frame navigated) */
      }
    }
    return found;
  }

  return {
    get phase() {
      return phase;
    },
    set phase(name) {
      phase = name;
    },
    requests,
    storageWrites,

    /** Everything the profile holds now, plus the gated elements and which of them ran in `phase`. */
    async snapshot(timeoutMs) {
      const cookies = await context.cookies();
      const storage = [];
      for (const frame of page.frames()) {
        storage.push(...(await withTimeout(frame.evaluate(storageEntries).catch(() => []), timeoutMs, [])));
      }
      const gated = await withTimeout(page.evaluate(gatedElements).catch(() => []), timeoutMs, []);
      const inlineTexts = gated.filter((element) => element.text).map((element) => element.text);
      const textsRun = new Set(await scriptsRunWithText(phase, inlineTexts));
      for (const element of gated) element.textRan = element.text !== null && textsRun.has(element.text.trim());
      return { cookies, storage, gated };
    },
  };
}
