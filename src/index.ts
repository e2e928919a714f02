/**
 * privacy-elements: registers every element and exports the public API.
 * Sites that need only the banner import `privacy-elements/cookie-banner.js` instead.
 */
import './cookie-banner/define.js';
import './privacy-notice/define.js';
import './rights-request-form/define.js';

export { CookieBanner } from './cookie-banner/cookie-banner.js';
export type { ConsentState, BannerLayout } from './cookie-banner/cookie-banner.js';
export { ConsentChangeEvent } from './core/events.js';
/** Gates `data-consent-*` content (and shows embed placeholders) inside one of the site's own shadow roots. */
export { registerConsentRoot } from './core/script-gating.js';
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
export { RightsRequestForm } from './rights-request-form/rights-request-form.js';
export { RightsRequestSubmitEvent, RightsRequestSuccessEvent, RightsRequestErrorEvent } from './rights-request-form/events.js';
export type { RightsRequestSubmitDetail, RightsRequestSuccessDetail, RightsRequestErrorDetail } from './rights-request-form/events.js';
export type { RightsRequest, RightsRequestReceipt, RightsRequestTransport } from './rights-request-form/request-payload.js';
export type * from './rights-request-form/request-config.js';
export { validateRightsRequestPart } from './rights-request-form/request-validation.js';
export { TransportError } from './core/transport.js';
export type { TransportErrorKind } from './core/transport.js';
export { SUPPORTED_LOCALES } from './i18n/locale.js';
export type { SupportedLocale } from './i18n/locale.js';
