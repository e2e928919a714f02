/**
 * What the notice shows, decided from a valid configuration without rendering anything: which
 * sections appear and in which order, and which rights are explained where. GDPR decides some
 * of it regardless of what a company wrote (Art. 13(2)(b)–(d), Art. 21(4)).
 */
import type { LocalizedText, PrivacyConfig } from '../core/config-types.js';
import { offeredCategories } from '../core/consent-config.js';
import type { FreeSection, NoticeConfig, NoticeRightId, RichText } from './notice-config.js';
import { STANDARD_SECTIONS } from './notice-validation.js';

export type StandardSectionId = (typeof STANDARD_SECTIONS)[number];

export type SectionPlan = { id: StandardSectionId; free?: undefined } | { id: string; free: FreeSection };

/** One entry of the rights section: one right, or several explained together. */
export interface RightView {
  rights: NoticeRightId[];
  title?: LocalizedText;
  text?: RichText;
  /** Added by the library because GDPR requires it; shown with the library's explanation. */
  added: boolean;
}

/** Rights every notice explains (Art. 13(2)(b)); withdrawal is added when consent is used (13(2)(c)). */
const ALWAYS_EXPLAINED: readonly NoticeRightId[] = ['access', 'rectification', 'erasure', 'restriction', 'objection', 'portability'];

/** The sections to render, in the configured order, then the default order, free sections last. */
export function planSections(config: PrivacyConfig): SectionPlan[] {
  const notice = config.notice!;
  const shown = new Map<string, SectionPlan>();
  for (const id of STANDARD_SECTIONS) if (isShown(id, config)) shown.set(id, { id });
  for (const section of notice.sections ?? []) shown.set(section.id, { id: section.id, free: section });
  const ordered = (notice.order ?? []).filter((id) => shown.has(id)).map((id) => shown.get(id)!);
  return [...ordered, ...[...shown.values()].filter((plan) => !ordered.includes(plan))];
}

function isShown(id: StandardSectionId, config: PrivacyConfig): boolean {
  const notice = config.notice!;
  switch (id) {
    case 'recipients':
      return notice.recipients !== undefined || notice.transfers !== undefined;
    case 'retention':
      return notice.retention !== undefined;
    case 'objection':
      return objectionIsSeparate(notice);
    case 'cookies':
      return notice.cookies !== undefined || (config.consent !== undefined && offeredCategories(config.consent).length > 0);
    case 'dpo':
      return notice.dpo !== undefined;
    default:
      return true; // controller, purposes, rights and complaint are always there (PN-01, PN-02)
  }
}

/**
 * Art. 21(4): when processing relies on legitimate interests or a public task, the right to
 * object is presented clearly and separately from other information (PN-04).
 */
export function objectionIsSeparate(notice: NoticeConfig): boolean {
  return notice.purposes.items.some((purpose) => purpose.legalBasis === 'legitimate-interests' || purpose.legalBasis === 'public-task');
}

/** Consent is a legal basis here, for a purpose or for cookies: the visitor may withdraw it (Art. 7(3)). */
export function consentIsUsed(config: PrivacyConfig): boolean {
  const cookieConsent = config.consent !== undefined && offeredCategories(config.consent).some((category) => !category.required);
  return cookieConsent || config.notice!.purposes.items.some((purpose) => purpose.legalBasis === 'consent');
}

/**
 * The rights section's entries (configured first, then the ones GDPR requires that were not
 * configured), and the right to object when it has its own section.
 */
export function planRights(config: PrivacyConfig): { listed: RightView[]; objection?: RightView } {
  const notice = config.notice!;
  const views: RightView[] = (notice.rights?.items ?? []).map((item) =>
    typeof item === 'string'
      ? { rights: [item], added: false }
      : { rights: Array.isArray(item.right) ? item.right : [item.right], title: item.title, text: item.text, added: false },
  );
  const covered = new Set(views.flatMap((view) => view.rights));
  const required = consentIsUsed(config) ? [...ALWAYS_EXPLAINED, 'withdraw-consent' as const] : ALWAYS_EXPLAINED;
  for (const right of required) if (!covered.has(right)) views.push({ rights: [right], added: true });

  if (!objectionIsSeparate(notice)) return { listed: views };
  const index = views.findIndex((view) => view.rights.length === 1 && view.rights[0] === 'objection');
  // Explained together with other rights: those stay in the list, objection gets its own section too.
  const objection = index >= 0 ? views.splice(index, 1)[0] : { rights: ['objection' as const], added: true };
  return { listed: views, objection };
}

/**
 * Which of the library's texts that only some notices show this configuration shows: the
 * library's explanation of a right the company did not explain itself, and the statements about
 * transfers outside the EU/EEA. Each is a locale chunk of its own (`noticeRights.`,
 * `noticeTransfers.`), loaded only for a notice that shows it. The explanation of withdrawal is
 * in the notice's first chunk: the library adds that right to every notice of a site that asks
 * for consent, so most notices show it (two of the five seeds show no other).
 */
export function optionalTexts(config: PrivacyConfig): { rightExplanations: boolean; transfers: boolean } {
  const { listed, objection } = planRights(config);
  return {
    rightExplanations: [...listed, ...(objection ? [objection] : [])].some((view) => !view.text && view.rights.some((right) => right !== 'withdraw-consent')),
    transfers: config.notice!.transfers !== undefined,
  };
}
