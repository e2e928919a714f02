/**
 * Validation of the `notice` part and of the `controllers` it renders. Problems are
 * `{ path, message }` naming the JSON path; nothing throws. Rules the JSON Schema cannot express
 * (links inside markdown strings, section ids, `order`) are checked here only.
 */
import {
  checkArray,
  checkBoolean,
  checkNumber,
  checkObject,
  checkString,
  checkText,
  checkUrl,
  isAllowedUrl,
  isRecord,
  join,
  LANGUAGE_TAG,
  LINK_SCHEMES,
  type Problems,
} from '../core/validation.js';
import type { LegalBasis, NoticeRightId } from './notice-config.js';
import { linksOf, parseRichText } from './rich-text.js';

export const LEGAL_BASES: readonly LegalBasis[] = ['consent', 'contract', 'legal-obligation', 'vital-interests', 'public-task', 'legitimate-interests'];
export const NOTICE_RIGHTS: readonly NoticeRightId[] = [
  'information', 'access', 'rectification', 'erasure', 'restriction', 'objection', 'portability', 'withdraw-consent', 'complaint',
];
/** Ids of the standard sections, in their default order. */
export const STANDARD_SECTIONS = ['controller', 'purposes', 'recipients', 'retention', 'rights', 'objection', 'complaint', 'cookies', 'dpo'] as const;
export const AUTHORITY_COUNTRIES = ['SE', 'DK', 'NO', 'FI', 'IS'] as const;
const SAFEGUARDS = ['adequacy-decision', 'standard-contractual-clauses', 'binding-corporate-rules', 'derogation'];

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9 ()./-]{3,30}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const SECTION_ID = /^[a-z][a-z0-9-]{0,49}$/;

const NOTICE_KEYS = [
  'title', 'summary', 'published', 'updated', 'labels', 'controller', 'purposes', 'recipients', 'transfers', 'retention',
  'rights', 'complaint', 'authority', 'cookies', 'dpo', 'sections', 'order',
];
const SECTION_TEXT_KEYS = ['title', 'text', 'textAfter'];
const LABEL_KEYS = ['organizationNumber', 'address', 'contactPerson', 'responsible', 'email', 'phone', 'website', 'published', 'updated'];
const CONTROLLER_KEYS = ['name', 'organizationNumber', 'address', 'email', 'phone', 'website', 'rightsEmail', 'contactPerson', 'responsible'];

/**
 * Validates `notice` when present. With `required` (the notice element), the part must be
 * there, and so must `controllers`; the whole-config validator (`validate.ts`) leaves it optional.
 */
export function validateNoticePart(config: Record<string, unknown>, problems: Problems, required = false): void {
  const notice = config.notice;
  if (!checkObject(notice, 'notice', problems, NOTICE_KEYS, required)) return;
  // The notice names who is responsible: without a controller it cannot be shown (PN-01 a).
  if (config.controllers === undefined) problems.push({ path: 'controllers', message: 'required list: the notice names at least one controller' });
  else validateControllers(config.controllers, problems);

  checkText(notice.title, 'notice.title', problems, false);
  checkRich(notice.summary, 'notice.summary', problems);
  checkDate(notice.published, 'notice.published', problems);
  checkDate(notice.updated, 'notice.updated', problems);
  if (checkObject(notice.labels, 'notice.labels', problems, LABEL_KEYS, false)) {
    for (const key of LABEL_KEYS) checkText(notice.labels[key], join('notice.labels', key), problems, false);
    for (const key of ['published', 'updated']) checkPlaceholder(notice.labels[key], join('notice.labels', key), '{date}', problems);
  }
  for (const key of ['controller', 'retention', 'complaint', 'cookies']) checkSectionText(notice[key], `notice.${key}`, problems, SECTION_TEXT_KEYS);
  validatePurposes(notice.purposes, problems);
  validateRecipients(notice.recipients, notice.transfers, problems);
  validateRights(notice.rights, problems);
  validateAuthority(notice.authority, problems);
  if (checkSectionText(notice.dpo, 'notice.dpo', problems, [...SECTION_TEXT_KEYS, 'name', 'email', 'phone', 'address'])) {
    const dpo = notice.dpo as Record<string, unknown>;
    checkString(dpo.name, 'notice.dpo.name', problems, { maxLength: 200 });
    checkEmail(dpo.email, 'notice.dpo.email', problems);
    checkString(dpo.phone, 'notice.dpo.phone', problems, { pattern: PHONE, patternHint: 'a phone number: digits, spaces, + ( ) - . /' });
    checkText(dpo.address, 'notice.dpo.address', problems, false);
  }
  const freeIds = validateFreeSections(notice.sections, problems);
  validateOrder(notice.order, freeIds, problems);
}

/** The shared `controllers` list; the form needs the same, so it can reuse this. */
export function validateControllers(value: unknown, problems: Problems): void {
  if (!checkArray(value, 'controllers', problems, true, 1)) return;
  value.forEach((controller, i) => {
    const path = join('controllers', i);
    if (!checkObject(controller, path, problems, CONTROLLER_KEYS)) return;
    checkText(controller.name, join(path, 'name'), problems);
    checkString(controller.organizationNumber, join(path, 'organizationNumber'), problems);
    checkText(controller.address, join(path, 'address'), problems, false);
    checkEmail(controller.email, join(path, 'email'), problems);
    checkEmail(controller.rightsEmail, join(path, 'rightsEmail'), problems);
    checkString(controller.phone, join(path, 'phone'), problems, { pattern: PHONE, patternHint: 'a phone number: digits, spaces, + ( ) - . /' });
    checkUrl(controller.website, join(path, 'website'), problems);
    checkString(controller.contactPerson, join(path, 'contactPerson'), problems, { maxLength: 200 });
    checkText(controller.responsible, join(path, 'responsible'), problems, false);
  });
}

function validatePurposes(value: unknown, problems: Problems): void {
  const path = 'notice.purposes';
  if (!checkSectionText(value, path, problems, [...SECTION_TEXT_KEYS, 'numbered', 'items'], true)) return;
  const purposes = value as Record<string, unknown>;
  checkBoolean(purposes.numbered, join(path, 'numbered'), problems);
  if (!checkArray(purposes.items, join(path, 'items'), problems, true, 1)) return;
  purposes.items.forEach((purpose, i) => {
    const itemPath = join(join(path, 'items'), i);
    const keys = ['title', 'description', 'legalBasis', 'legitimateInterest', 'dataCategories', 'retention', 'source'];
    if (!checkObject(purpose, itemPath, problems, keys)) return;
    checkText(purpose.title, join(itemPath, 'title'), problems, false);
    checkRich(purpose.description, join(itemPath, 'description'), problems, true);
    // Art. 13(1)(c): every purpose has one of the six legal bases of Art. 6(1).
    checkString(purpose.legalBasis, join(itemPath, 'legalBasis'), problems, { required: true, oneOf: LEGAL_BASES });
    if (purpose.legalBasis === 'legitimate-interests') {
      // Art. 13(1)(d): the interest pursued is stated.
      checkRich(purpose.legitimateInterest, join(itemPath, 'legitimateInterest'), problems, true);
    } else if (purpose.legitimateInterest !== undefined) {
      problems.push({ path: join(itemPath, 'legitimateInterest'), message: 'only for legalBasis "legitimate-interests"' });
    }
    checkTextList(purpose.dataCategories, join(itemPath, 'dataCategories'), problems);
    checkText(purpose.retention, join(itemPath, 'retention'), problems, false);
    checkText(purpose.source, join(itemPath, 'source'), problems, false);
  });
}

function validateRecipients(recipients: unknown, transfers: unknown, problems: Problems): void {
  if (checkSectionText(recipients, 'notice.recipients', problems, [...SECTION_TEXT_KEYS, 'groups'])) {
    const groups = (recipients as Record<string, unknown>).groups;
    if (checkArray(groups, 'notice.recipients.groups', problems)) {
      groups.forEach((group, i) => {
        const path = join('notice.recipients.groups', i);
        if (!checkObject(group, path, problems, ['kind', 'title', 'text', 'examples'])) return;
        checkString(group.kind, join(path, 'kind'), problems, { required: true, oneOf: ['processors', 'independent-controllers', 'authorities', 'other'] });
        checkText(group.title, join(path, 'title'), problems, false);
        checkRich(group.text, join(path, 'text'), problems);
        checkTextList(group.examples, join(path, 'examples'), problems);
      });
    }
  }
  const path = 'notice.transfers';
  if (!checkObject(transfers, path, problems, ['title', 'text', 'outsideEea', 'safeguards', 'safeguardsUrl'], false)) return;
  checkText(transfers.title, join(path, 'title'), problems, false);
  checkRich(transfers.text, join(path, 'text'), problems);
  if (transfers.outsideEea === undefined) problems.push({ path: join(path, 'outsideEea'), message: 'required: true or false' });
  checkBoolean(transfers.outsideEea, join(path, 'outsideEea'), problems);
  if (transfers.outsideEea === true) {
    // Art. 13(1)(f): a transfer needs its safeguard named.
    if (checkArray(transfers.safeguards, join(path, 'safeguards'), problems, true, 1)) {
      transfers.safeguards.forEach((safeguard, i) => checkString(safeguard, join(join(path, 'safeguards'), i), problems, { required: true, oneOf: SAFEGUARDS }));
    }
    checkUrl(transfers.safeguardsUrl, join(path, 'safeguardsUrl'), problems);
  } else {
    for (const key of ['safeguards', 'safeguardsUrl']) {
      if (transfers[key] !== undefined) problems.push({ path: join(path, key), message: 'only when outsideEea is true' });
    }
  }
}

function validateRights(value: unknown, problems: Problems): void {
  const path = 'notice.rights';
  if (!checkSectionText(value, path, problems, [...SECTION_TEXT_KEYS, 'items', 'formUrl'])) return;
  const rights = value as Record<string, unknown>;
  checkUrl(rights.formUrl, join(path, 'formUrl'), problems);
  if (!checkArray(rights.items, join(path, 'items'), problems)) return;
  const seen = new Set<unknown>();
  const checkRight = (right: unknown, rightPath: string) => {
    if (checkString(right, rightPath, problems, { required: true, oneOf: NOTICE_RIGHTS }) && seen.has(right)) {
      problems.push({ path: rightPath, message: `"${right}" is listed twice` });
    }
    seen.add(right);
  };
  rights.items.forEach((item, i) => {
    const itemPath = join(join(path, 'items'), i);
    if (typeof item === 'string') return checkRight(item, itemPath);
    if (!checkObject(item, itemPath, problems, ['right', 'title', 'text'])) return;
    if (Array.isArray(item.right)) {
      if (item.right.length === 0) problems.push({ path: join(itemPath, 'right'), message: 'at least 1 item expected' });
      item.right.forEach((right, j) => checkRight(right, join(join(itemPath, 'right'), j)));
    } else checkRight(item.right, join(itemPath, 'right'));
    checkText(item.title, join(itemPath, 'title'), problems, false);
    checkRich(item.text, join(itemPath, 'text'), problems);
  });
}

function validateAuthority(value: unknown, problems: Problems): void {
  const path = 'notice.authority';
  if (!checkObject(value, path, problems, ['country', 'name', 'url'])) return;
  checkString(value.country, join(path, 'country'), problems, { oneOf: AUTHORITY_COUNTRIES });
  checkText(value.name, join(path, 'name'), problems, value.country === undefined);
  checkUrl(value.url, join(path, 'url'), problems, { required: value.country === undefined });
}

function validateFreeSections(value: unknown, problems: Problems): Set<string> {
  const ids = new Set<string>();
  if (!checkArray(value, 'notice.sections', problems)) return ids;
  value.forEach((section, i) => {
    const path = join('notice.sections', i);
    if (!checkObject(section, path, problems, ['id', 'title', 'text'])) return;
    const idPath = join(path, 'id');
    if (checkString(section.id, idPath, problems, { required: true, pattern: SECTION_ID, patternHint: 'lowercase letters, digits and -, starting with a letter' })) {
      // `notice` is taken by the notice's own heading (`#notice-title`).
      if (ids.has(section.id) || section.id === 'notice' || (STANDARD_SECTIONS as readonly string[]).includes(section.id)) {
        problems.push({ path: idPath, message: `section id "${section.id}" is already used` });
      }
      ids.add(section.id);
    }
    checkText(section.title, join(path, 'title'), problems);
    checkRich(section.text, join(path, 'text'), problems);
  });
  return ids;
}

function validateOrder(value: unknown, freeIds: Set<string>, problems: Problems): void {
  if (!checkArray(value, 'notice.order', problems)) return;
  const known = [...STANDARD_SECTIONS, ...freeIds];
  const seen = new Set<unknown>();
  value.forEach((id, i) => {
    const path = join('notice.order', i);
    if (!checkString(id, path, problems, { required: true })) return;
    if (!known.includes(id)) problems.push({ path, message: `unknown section id "${id}" (expected one of: ${known.join(', ')})` });
    else if (seen.has(id)) problems.push({ path, message: `"${id}" is listed twice` });
    seen.add(id);
  });
}

// ---------------------------------------------------------------------------------------------

/** A standard section: an object with its own title and texts (and the given extra keys). */
function checkSectionText(value: unknown, path: string, problems: Problems, keys: readonly string[], required = false): boolean {
  if (!checkObject(value, path, problems, keys, required)) return false;
  checkText(value.title, join(path, 'title'), problems, false);
  if (keys.includes('text')) checkRich(value.text, join(path, 'text'), problems);
  if (keys.includes('textAfter')) checkRich(value.textAfter, join(path, 'textAfter'), problems);
  return true;
}

/** Rich text: a string, a block list, or a language map of either. Links must be safe (SEC-02). */
export function checkRich(value: unknown, path: string, problems: Problems, required = false): void {
  if (value === undefined) {
    if (required) problems.push({ path, message: 'required text: a string, a list of blocks, or a map of language to either' });
    return;
  }
  if (typeof value === 'string') {
    if (!checkString(value, path, problems, { required, maxLength: 20000 })) return;
    for (const link of linksOf(parseRichText(value))) {
      if (!isAllowedUrl(link.href)) problems.push({ path, message: `link "${link.text}" must be a relative path or use ${LINK_SCHEMES.join(', ')} (found "${link.href}")` });
    }
    return;
  }
  if (Array.isArray(value)) return checkBlocks(value, path, problems);
  if (isRecord(value) && Object.keys(value).length > 0) {
    for (const [lang, text] of Object.entries(value)) {
      if (!LANGUAGE_TAG.test(lang)) problems.push({ path: join(path, lang), message: 'language tag expected as key, e.g. "sv" or "sv-FI"' });
      else if (typeof text === 'string' || Array.isArray(text)) checkRich(text, join(path, lang), problems, true);
      else problems.push({ path: join(path, lang), message: 'expected a string or a list of blocks' });
    }
    return;
  }
  problems.push({ path, message: 'expected a string, a list of blocks, or a map of language to either' });
}

function checkBlocks(blocks: unknown[], path: string, problems: Problems): void {
  blocks.forEach((block, i) => {
    const blockPath = join(path, i);
    if (!isRecord(block)) return void problems.push({ path: blockPath, message: 'expected a block object with "type"' });
    if (block.type === 'paragraph') {
      if (checkObject(block, blockPath, problems, ['type', 'content'])) checkInline(block.content, join(blockPath, 'content'), problems);
    } else if (block.type === 'heading') {
      if (!checkObject(block, blockPath, problems, ['type', 'depth', 'content'])) return;
      if (block.depth !== undefined && !Number.isInteger(block.depth)) problems.push({ path: join(blockPath, 'depth'), message: 'expected a whole number from 1 to 3' });
      else checkNumber(block.depth, join(blockPath, 'depth'), problems, 1, 3);
      checkInline(block.content, join(blockPath, 'content'), problems);
    } else if (block.type === 'list') {
      if (!checkObject(block, blockPath, problems, ['type', 'ordered', 'items'])) return;
      checkBoolean(block.ordered, join(blockPath, 'ordered'), problems);
      if (!checkArray(block.items, join(blockPath, 'items'), problems, true, 1)) return;
      block.items.forEach((item, j) => {
        const itemPath = join(join(blockPath, 'items'), j);
        if (!checkObject(item, itemPath, problems, ['content', 'blocks'])) return;
        checkInline(item.content, join(itemPath, 'content'), problems);
        if (checkArray(item.blocks, join(itemPath, 'blocks'), problems)) checkBlocks(item.blocks, join(itemPath, 'blocks'), problems);
      });
    } else {
      problems.push({ path: join(blockPath, 'type'), message: 'expected one of: paragraph, heading, list' });
    }
  });
}

function checkInline(content: unknown, path: string, problems: Problems): void {
  if (!checkArray(content, path, problems, true)) return;
  content.forEach((part, i) => {
    const partPath = join(path, i);
    if (typeof part === 'string') return;
    if (!isRecord(part)) return void problems.push({ path: partPath, message: 'expected a string or an object with "type"' });
    if (part.type === 'em' || part.type === 'strong') {
      if (checkObject(part, partPath, problems, ['type', 'text'])) checkString(part.text, join(partPath, 'text'), problems, { required: true });
    } else if (part.type === 'link') {
      if (!checkObject(part, partPath, problems, ['type', 'href', 'text'])) return;
      checkUrl(part.href, join(partPath, 'href'), problems, { required: true });
      checkString(part.text, join(partPath, 'text'), problems, { required: true });
    } else {
      problems.push({ path: join(partPath, 'type'), message: 'expected one of: em, strong, link' });
    }
  });
}

function checkTextList(value: unknown, path: string, problems: Problems): void {
  if (checkArray(value, path, problems)) value.forEach((text, i) => checkText(text, join(path, i), problems));
}

function checkEmail(value: unknown, path: string, problems: Problems): void {
  checkString(value, path, problems, { pattern: EMAIL, patternHint: 'an e-mail address such as info@example.se' });
}

function checkDate(value: unknown, path: string, problems: Problems): void {
  if (!checkString(value, path, problems, { pattern: DATE, patternHint: 'a date as YYYY-MM-DD' })) return;
  const date = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) problems.push({ path, message: 'not a real date' });
}

/** A label template must keep its placeholder, in every language. */
function checkPlaceholder(value: unknown, path: string, placeholder: string, problems: Problems): void {
  const texts = typeof value === 'string' ? { '': value } : isRecord(value) ? value : {};
  for (const [lang, text] of Object.entries(texts)) {
    if (typeof text === 'string' && !text.includes(placeholder)) problems.push({ path: lang ? join(path, lang) : path, message: `must contain ${placeholder}` });
  }
}
