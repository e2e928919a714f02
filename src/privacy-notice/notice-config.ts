/**
 * Configuration of `<privacy-notice>` (the `notice` part), and the controllers shared with the
 * form. The JSON Schema is generated from these types (`npm run schema`); the runtime validator
 * is in `notice-validation.ts`. Structured where GDPR Art. 13/14 asks for structure, free
 * (`sections`) where companies write prose.
 */
import type { LocalizedText, Url } from '../core/config-types.js';
import type { RichText } from './rich-text.js';

export type { RichText, RichTextMap, RichBlock, RichParagraph, RichHeading, RichList, RichListItem, RichInline, RichSpan, RichLink } from './rich-text.js';

/** A company responsible for the processing (GDPR Art. 13(1)(a)). */
export interface Controller {
  name: LocalizedText;
  /** Organisation number, e.g. 556000-0000 (SE) or CVR 12345678 (DK). */
  organizationNumber?: string;
  /** Postal address; lines separated by newlines. */
  address?: LocalizedText;
  /** @pattern ^[^\s@]+@[^\s@]+\.[^\s@]+$ */
  email?: string;
  /** @pattern ^\+?[0-9 ()./-]{3,30}$ */
  phone?: string;
  website?: Url;
  /**
   * Where rights requests go when it differs from `email`, e.g. registerutdrag@kalmarenergi.se.
   * @pattern ^[^\s@]+@[^\s@]+\.[^\s@]+$
   */
  rightsEmail?: string;
  /**
   * A named contact person, e.g. "Jens Andersen".
   * @maxLength 200
   */
  contactPerson?: string;
  /** The role responsible for the processing within the company, e.g. "VD". */
  responsible?: LocalizedText;
}

/**
 * A date, `YYYY-MM-DD`.
 * @pattern ^\d{4}-\d{2}-\d{2}$
 */
export type IsoDate = string;

/**
 * Id of a free section, used as its anchor (`#security`).
 * @pattern ^[a-z][a-z0-9-]{0,49}$
 */
export type SectionId = string;

/** The legal bases of GDPR Art. 6(1)(a)–(f). */
export type LegalBasis = 'consent' | 'contract' | 'legal-obligation' | 'vital-interests' | 'public-task' | 'legitimate-interests';

/**
 * The rights a notice explains: Arts. 7(3), 12–18, 20, 21 and 77. The ids the form uses are
 * the same.
 */
export type NoticeRightId =
  | 'information'
  | 'access'
  | 'rectification'
  | 'erasure'
  | 'restriction'
  | 'objection'
  | 'portability'
  | 'withdraw-consent'
  | 'complaint';

/**
 * Several rights explained together.
 * @minItems 1
 */
export type NoticeRightList = NoticeRightId[];

/** Country codes with a built-in supervisory authority (requirements Appendix A). */
export type AuthorityCountry = 'SE' | 'DK' | 'NO' | 'FI' | 'IS';

/** What every standard section accepts: the company's own heading and prose around the structured part. */
export interface SectionText {
  /** The section's heading; the library's localized heading is used when absent. */
  title?: LocalizedText;
  /** Shown before the structured content. */
  text?: RichText;
  /** Shown after the structured content. */
  textAfter?: RichText;
}

export interface NoticeConfig {
  /** The notice's heading; "Privacy notice" in the interface language when absent. */
  title?: LocalizedText;
  /** Introduction shown under the heading, before the table of contents: who, what, why. */
  summary?: RichText;
  /** When this notice was first published or approved. */
  published?: IsoDate;
  /** When it was last changed (PN-07). Shown with the configuration's `version`. */
  updated?: IsoDate;
  /** The company's own wording of the library's labels, e.g. `"organizationNumber": "CVR-nr."`. */
  labels?: NoticeLabels;
  /** The section about `controllers` (GDPR Art. 13(1)(a)). */
  controller?: SectionText;
  /** Why personal data is processed, and on which legal basis (Art. 13(1)(c), (d)). */
  purposes: PurposesSection;
  /** Who receives personal data (Art. 13(1)(e)). */
  recipients?: RecipientsSection;
  /** Transfers outside the EU/EEA, or that none happen (Art. 13(1)(f)); shown in the recipients section. */
  transfers?: Transfers;
  /** How long personal data is kept (Art. 13(2)(a)); per purpose in `purposes.items[].retention`. */
  retention?: SectionText;
  /** The rights section. Every right GDPR gives is shown, with the library's explanation unless yours is given. */
  rights?: RightsSection;
  /** The section about complaints; the supervisory authority comes from `authority`. */
  complaint?: SectionText;
  /** The supervisory authority a complaint can be lodged with (Art. 13(2)(d), Art. 77). */
  authority: Authority;
  /** The cookie section. Its table is generated from `consent.categories`. */
  cookies?: SectionText;
  /** The data protection officer, where one is appointed (Art. 13(1)(b)). */
  dpo?: DataProtectionOfficer;
  /**
   * Free sections for everything else (security, changes, newsletter…), in the company's order.
   * @maxItems 50
   */
  sections?: FreeSection[];
  /**
   * The order of the sections, by id: `controller`, `purposes`, `recipients`, `retention`,
   * `rights`, `objection`, `complaint`, `cookies`, `dpo` and the ids of `sections`. Sections not
   * listed follow in that default order, free sections last.
   */
  order?: string[];
}

/** The company's wording of labels; `published` and `updated` contain `{date}`. */
export interface NoticeLabels {
  organizationNumber?: LocalizedText;
  address?: LocalizedText;
  contactPerson?: LocalizedText;
  responsible?: LocalizedText;
  email?: LocalizedText;
  phone?: LocalizedText;
  website?: LocalizedText;
  published?: LocalizedText;
  updated?: LocalizedText;
}

export interface PurposesSection extends SectionText {
  /** Number the purposes that have no title (an ordered list). */
  numbered?: boolean;
  /**
   * @minItems 1
   * @maxItems 100
   */
  items: Purpose[];
}

export type Purpose = LegitimateInterestsPurpose | OtherPurpose;

interface PurposeBase {
  /** A heading for the purpose; purposes without one are shown as a list. */
  title?: LocalizedText;
  /** What is done and why, in the company's words. */
  description: RichText;
  /**
   * Categories of personal data used, e.g. "name", "meter readings".
   * @maxItems 50
   */
  dataCategories?: LocalizedText[];
  /** How long the data is kept, or the criteria for it (Art. 13(2)(a)), e.g. "21 days". */
  retention?: LocalizedText;
  /** Where the data comes from when not from the person (Art. 14(2)(f)), e.g. "the grid operator". */
  source?: LocalizedText;
}

export interface LegitimateInterestsPurpose extends PurposeBase {
  legalBasis: 'legitimate-interests';
  /** The interest pursued (Art. 13(1)(d)). */
  legitimateInterest: RichText;
}

export interface OtherPurpose extends PurposeBase {
  legalBasis: 'consent' | 'contract' | 'legal-obligation' | 'vital-interests' | 'public-task';
}

export interface RecipientsSection extends SectionText {
  /** @maxItems 20 */
  groups?: RecipientGroup[];
}

export interface RecipientGroup {
  /** Processors act on your instructions; independent controllers decide for themselves. */
  kind: 'processors' | 'independent-controllers' | 'authorities' | 'other';
  /** Heading of the group; a localized one per `kind` when absent. */
  title?: LocalizedText;
  text?: RichText;
  /**
   * Examples, e.g. "IT suppliers", "debt collection agencies".
   * @maxItems 50
   */
  examples?: LocalizedText[];
}

export type Transfers = NoTransfers | TransfersOutsideEea;

interface TransfersBase {
  /** Heading of the transfers part; the library's localized heading when absent. */
  title?: LocalizedText;
  text?: RichText;
}

export interface NoTransfers extends TransfersBase {
  /** Personal data is processed only within the EU/EEA. */
  outsideEea: false;
}

export interface TransfersOutsideEea extends TransfersBase {
  outsideEea: true;
  /**
   * The legal ground for the transfers (Arts. 45–49).
   * @minItems 1
   */
  safeguards: Array<'adequacy-decision' | 'standard-contractual-clauses' | 'binding-corporate-rules' | 'derogation'>;
  /** Where a copy of the safeguards is available (Art. 13(1)(f)). */
  safeguardsUrl?: Url;
}

export interface RightsSection extends SectionText {
  /**
   * The rights in the company's order, with its own texts. Rights GDPR gives that are not
   * listed are added with the library's explanation.
   * @maxItems 20
   */
  items?: Array<NoticeRightId | RightItem>;
  /** Page with `<rights-request-form>`; each right links to it with `?type=<right>`. */
  formUrl?: Url;
}

export interface RightItem {
  /** The right, or several rights explained together. */
  right: NoticeRightId | NoticeRightList;
  /** A heading for the right. Without a title, rights are shown as a list. */
  title?: LocalizedText;
  /** The company's explanation, replacing the library's (with its title, when no `title` is given). */
  text?: RichText;
}

export type Authority = AuthorityByCountry | OtherAuthority;

export interface AuthorityByCountry {
  /** The library fills in the name and address of this country's authority. */
  country: AuthorityCountry;
  name?: LocalizedText;
  url?: Url;
}

export interface OtherAuthority {
  name: LocalizedText;
  url: Url;
}

export interface DataProtectionOfficer extends SectionText {
  /** @maxLength 200 */
  name?: string;
  /** @pattern ^[^\s@]+@[^\s@]+\.[^\s@]+$ */
  email?: string;
  /** @pattern ^\+?[0-9 ()./-]{3,30}$ */
  phone?: string;
  address?: LocalizedText;
}

export interface FreeSection {
  id: SectionId;
  title: LocalizedText;
  text?: RichText;
}
