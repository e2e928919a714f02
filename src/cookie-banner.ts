/** The banner alone, for sites that need only it. */
import './cookie-banner/define.js';

export { CookieBanner } from './cookie-banner/cookie-banner.js';
export type { ConsentState, BannerLayout } from './cookie-banner/cookie-banner.js';
export { ConsentChangeEvent } from './core/events.js';
/** Gates `data-consent-*` content (and shows embed placeholders) inside one of the site's own shadow roots. */
export { registerConsentRoot } from './core/script-gating.js';
export type { ConsentChangeDetail } from './core/events.js';
export type { ConsentRecord, ConsentAction, ConsentTransport } from './core/consent-record.js';
export type * from './core/config-types.js';
