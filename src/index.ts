/**
 * privacy-elements: registers every element and exports the public API.
 * Sites that need only the banner import `privacy-elements/cookie-banner.js` instead.
 */
import './cookie-banner/define.js';
import './privacy-notice/define.js';

export { CookieBanner } from './cookie-banner/cookie-banner.js';
export type { ConsentState, BannerLayout } from './cookie-banner/cookie-banner.js';
export { ConsentChangeEvent } from './core/events.js';
export type { ConsentChangeDetail } from './core/events.js';
export type { ConsentRecord, ConsentAction, ConsentTransport } from './core/consent-record.js';
export type * from './core/config-types.js';
export type { ConfigProblem } from './core/validation.js';
export { validateConfig, formatProblem } from './core/config.js';
export { validateConsentPart } from './core/consent-config.js';
export { PrivacyNotice } from './privacy-notice/privacy-notice.js';
export { validateNoticePart } from './privacy-notice/notice-validation.js';
export { parseRichText } from './privacy-notice/rich-text.js';
export type * from './privacy-notice/notice-config.js';
export { SUPPORTED_LOCALES } from './i18n/locale.js';
export type { SupportedLocale } from './i18n/locale.js';
