/**
 * Puts a click-to-load placeholder in front of each waiting gated iframe, and takes it away
 * again when the iframe loads. Loaded on demand by core/script-gating.ts, only on pages that have
 * a waiting iframe.
 *
 * The iframe stays where it is (the site's references and CSS keep working), hidden with an
 * inline `display: none !important`; the placeholder before it gets the iframe's laid-out size,
 * margins and display (or its width/height attributes when it is not laid out, e.g. in a closed
 * tab panel), so nothing moves when one replaces the other. `max-width: 100%` and the iframe's
 * aspect ratio let the placeholder shrink with a narrow layout as a responsive iframe would.
 */
import './define.js';
import type { EmbedPlaceholder } from './embed-placeholder.js';

const placeholderOf = new Map<HTMLIFrameElement, EmbedPlaceholder>();
/** The iframe's own inline display, restored when it loads. */
const inlineDisplay = new WeakMap<HTMLIFrameElement, { value: string; priority: string }>();

export function showPlaceholders(iframes: readonly HTMLIFrameElement[]): void {
  for (const iframe of iframes) {
    const existing = placeholderOf.get(iframe);
    if (existing) {
      // The site moved the iframe (its placeholder follows, same size) or rendered it again.
      if (existing.nextElementSibling !== iframe) iframe.before(existing);
      existing.requestUpdate();
      continue;
    }
    const placeholder = document.createElement('consent-embed-placeholder');
    placeholder.iframe = iframe;
    sizeLike(placeholder, iframe);
    hide(iframe);
    iframe.before(placeholder);
    placeholderOf.set(iframe, placeholder);
  }
}

/** The iframe loads: its placeholder goes, and focus follows to the iframe when it was in the placeholder. */
export function removePlaceholder(iframe: HTMLIFrameElement): void {
  const placeholder = placeholderOf.get(iframe);
  if (!placeholder) return;
  placeholderOf.delete(iframe);
  const moveFocus = placeholder.hasFocus();
  placeholder.remove();
  const display = inlineDisplay.get(iframe);
  iframe.style.removeProperty('display');
  if (display?.value) iframe.style.setProperty('display', display.value, display.priority);
  if (moveFocus) iframe.focus();
}

/** Placeholders of iframes that left the page leave too. */
export function removeOrphans(): void {
  for (const [iframe, placeholder] of placeholderOf) {
    if (iframe.isConnected) continue;
    placeholder.remove();
    placeholderOf.delete(iframe);
  }
}

function sizeLike(placeholder: HTMLElement, iframe: HTMLIFrameElement): void {
  const box = iframe.getBoundingClientRect();
  const computed = getComputedStyle(iframe);
  const width = box.width || Number.parseFloat(iframe.getAttribute('width') ?? '') || 300; // 300 × 150: an iframe's default size
  const height = box.height || Number.parseFloat(iframe.getAttribute('height') ?? '') || 150;
  const style = placeholder.style;
  style.width = `${width}px`;
  style.maxWidth = '100%';
  style.aspectRatio = `${width} / ${height}`;
  style.display = computed.display === 'inline' ? 'inline-block' : computed.display;
  for (const side of ['Top', 'Right', 'Bottom', 'Left'] as const) style[`margin${side}`] = computed[`margin${side}`];
  style.verticalAlign = computed.verticalAlign;
}

function hide(iframe: HTMLIFrameElement): void {
  if (!inlineDisplay.has(iframe)) {
    inlineDisplay.set(iframe, { value: iframe.style.getPropertyValue('display'), priority: iframe.style.getPropertyPriority('display') });
  }
  iframe.style.setProperty('display', 'none', 'important');
}
