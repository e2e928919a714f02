/**
 * Provider presets for click-to-load embeds: which provider an iframe's `data-consent-src`
 * belongs to, and what kind of content it is (the placeholder's button says "Load video",
 * "Load map" or "Load content"). The texts themselves are interface strings of the placeholder.
 */
import type { EmbedPresetId } from './config-types.js';

export type EmbedKind = 'video' | 'map' | 'content';

export interface EmbedPreset {
  id: EmbedPresetId;
  /** The provider's name as shown ("YouTube"); the generic preset shows the host instead. */
  provider: string;
  kind: EmbedKind;
}

export const EMBED_PRESETS: Readonly<Record<EmbedPresetId, EmbedPreset>> = {
  youtube: { id: 'youtube', provider: 'YouTube', kind: 'video' },
  vimeo: { id: 'vimeo', provider: 'Vimeo', kind: 'video' },
  googleMaps: { id: 'googleMaps', provider: 'Google Maps', kind: 'map' },
  spotify: { id: 'spotify', provider: 'Spotify', kind: 'content' },
  generic: { id: 'generic', provider: '', kind: 'content' },
};

/** The host of a URL without `www.`, lowercased; '' when it is not an absolute http(s) URL. */
export function hostOf(src: string, base = document.baseURI): string {
  try {
    const url = new URL(src, base);
    return /^https?:$/.test(url.protocol) ? url.hostname.toLowerCase().replace(/^www\./, '') : '';
  } catch {
    return '';
  }
}

const onDomain = (host: string, domain: string) => host === domain || host.endsWith(`.${domain}`);

/**
 * The preset for an embed: the one named in `data-consent-provider` when it is a preset id,
 * otherwise the one whose hosts `src` points to, otherwise the generic one.
 */
export function presetFor(src: string, named?: string, base?: string): EmbedPreset {
  if (named && Object.hasOwn(EMBED_PRESETS, named)) return EMBED_PRESETS[named as EmbedPresetId];
  const host = hostOf(src, base);
  let path = '';
  try {
    path = new URL(src, base ?? document.baseURI).pathname;
  } catch {
    /* not a URL: generic */
  }
  if (['youtube.com', 'youtube-nocookie.com', 'youtu.be'].some((domain) => onDomain(host, domain))) return EMBED_PRESETS.youtube;
  if (onDomain(host, 'vimeo.com')) return EMBED_PRESETS.vimeo;
  if (/^maps\.google\.[a-z.]+$/.test(host) || (/^google\.[a-z.]+$/.test(host) && path.startsWith('/maps'))) return EMBED_PRESETS.googleMaps;
  if (onDomain(host, 'spotify.com')) return EMBED_PRESETS.spotify;
  return EMBED_PRESETS.generic;
}
