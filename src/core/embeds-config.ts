/**
 * Validation of the `embeds` part of the configuration: overrides of the click-to-load
 * placeholders' texts and thumbnail per provider preset. Used by the placeholder (a lazy chunk)
 * and by the whole-config validator; the banner itself does not need it.
 */
import { EMBED_PRESETS } from './embed-presets.js';
import { checkObject, checkText, checkUrl, join, type Problems } from './validation.js';

const OVERRIDE_KEYS = ['title', 'text', 'thumbnail'];

export function validateEmbedsPart(config: Record<string, unknown>, problems: Problems): void {
  const embeds = config.embeds;
  if (!checkObject(embeds, 'embeds', problems, ['presets'], false)) return;
  if (!checkObject(embeds.presets, 'embeds.presets', problems, Object.keys(EMBED_PRESETS), false)) return;
  for (const [id, overrides] of Object.entries(embeds.presets)) {
    const path = join('embeds.presets', id);
    if (!checkObject(overrides, path, problems, OVERRIDE_KEYS)) continue;
    checkText(overrides.title, join(path, 'title'), problems, false);
    checkText(overrides.text, join(path, 'text'), problems, false);
    checkUrl(overrides.thumbnail, join(path, 'thumbnail'), problems, { schemes: ['https:', 'http:'] });
  }
}
