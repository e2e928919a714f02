/**
 * Configuration of `<privacy-notice>`, and the controllers shared with the form.
 * The notice types are completed with issue 3.
 */
import type { LocalizedText, Url } from '../core/config-types.js';

/** A company responsible for the processing (GDPR Art. 13(1)(a)). */
export interface Controller {
  name: LocalizedText;
  /** Organisation number, e.g. 556000-0000 (SE) or CVR 12345678 (DK). */
  organizationNumber?: string;
  /** Postal address; lines separated by newlines. */
  address?: LocalizedText;
  email?: string;
  phone?: string;
  website?: Url;
  /** Where rights requests go when it differs from `email`, e.g. registerutdrag@kalmarenergi.se. */
  rightsEmail?: string;
}

export interface NoticeConfig {
  title?: LocalizedText;
}
