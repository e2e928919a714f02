/**
 * Configuration of `<rights-request-form>` (the `rightsRequest` part). The JSON Schema is
 * generated from these types (`npm run schema`); the runtime validator is in
 * `request-validation.ts`. Who receives the request and the other ways to reach them come from
 * the shared `controllers` list.
 */
import type { LocalizedText, Url } from '../core/config-types.js';

/** The GDPR rights a visitor can ask for (Arts. 7(3), 15–18, 20, 21). */
export type RightId = 'access' | 'rectification' | 'erasure' | 'restriction' | 'objection' | 'portability' | 'withdraw-consent';

export interface RightsRequestConfig {
  /**
   * URL that receives each request (POST, JSON): https, a path on this site, or http on
   * localhost. Without an endpoint (and without a `transport` set by the page), the form opens
   * the visitor's e-mail program addressed to the first controller's `rightsEmail` (or `email`).
   */
  endpoint?: Url;
  /**
   * The rights offered, in display order. Default: all seven.
   * @minItems 1
   * @maxItems 7
   * @uniqueItems true
   */
  rights?: RightId[];
  /**
   * Contact fields asked for besides name and e-mail, e.g. customer number or meter ID. Ask only
   * for what you need to find the person's data (data minimisation, RR-03): national identity
   * numbers, dates of birth and ID documents are refused.
   * @maxItems 8
   */
  fields?: ContactField[];
  /** Make the name field required. Default: optional; only the e-mail address is required (RR-03). */
  requireName?: boolean;
  /** Heading of the form; the library's localized default is used when absent. */
  title?: LocalizedText;
  /** Introduction under the heading; the library's localized default is used when absent. */
  intro?: LocalizedText;
  /** Your own one or two sentence explanation of a right, replacing the library's. */
  explanations?: RightExplanations;
  /**
   * Shown with erasure: which data you must keep by law, e.g. bookkeeping and billing records
   * (Art. 17(3)(b)). A general localized sentence is shown when absent.
   */
  erasureNote?: LocalizedText;
  /** More ways to make a request besides the controllers' e-mail, post and phone, e.g. "Log in to My pages". */
  otherChannels?: LocalizedText;
  /** How long request records are kept, for the privacy information above the submit button (Art. 13(2)(a)), e.g. "3 years". */
  retention?: LocalizedText;
  /** Replaces the whole privacy information above the submit button (Art. 13, RR-11). */
  privacyInfo?: LocalizedText;
  /** Link to the privacy notice's section about requests, e.g. `/privacy#rights-requests` (RR-11). */
  noticeUrl?: Url;
  /**
   * A submission sooner than this many seconds after the form appeared is treated as automated
   * and must be sent again (spam protection, SEC-07). Default 3; 0 switches it off.
   * @minimum 0
   * @maximum 60
   */
  minFillSeconds?: number;
}

/** Explanations of the rights, by right. */
export interface RightExplanations {
  access?: LocalizedText;
  rectification?: LocalizedText;
  erasure?: LocalizedText;
  restriction?: LocalizedText;
  objection?: LocalizedText;
  portability?: LocalizedText;
  'withdraw-consent'?: LocalizedText;
}

/** One extra contact field. Its value is sent as `subject.<id>`. */
export interface ContactField {
  /**
   * Key in the request's `subject`, e.g. `customerNumber`. Not `name` or `email` (built in).
   * @pattern ^[A-Za-z][A-Za-z0-9_-]{0,63}$
   */
  id: string;
  /** `text` (default), `email`, `tel`, or `address` (several lines). */
  type?: 'text' | 'email' | 'tel' | 'address';
  /** The visible label. */
  label: LocalizedText;
  /** Help under the label, also said when the value does not match `pattern`, e.g. "8 digits, on your invoice". */
  hint?: LocalizedText;
  /** Default: optional. */
  required?: boolean;
  /**
   * A regular expression the whole value must match, e.g. `[0-9]{8}`.
   * @maxLength 500
   */
  pattern?: string;
  /** Autofill token (WCAG 1.3.5). Defaults by type: email → `email`, tel → `tel`, address → `street-address`. */
  autocomplete?: AutocompleteToken;
}

/** The autofill tokens a contact field may use (HTML autocomplete, WCAG 1.3.5). */
export type AutocompleteToken =
  | 'off'
  | 'name'
  | 'given-name'
  | 'family-name'
  | 'email'
  | 'tel'
  | 'tel-national'
  | 'organization'
  | 'street-address'
  | 'address-line1'
  | 'address-line2'
  | 'postal-code'
  | 'address-level2'
  | 'country-name';
