// Plain-language names for languages, places in the file and problems: the editor is for
// people who have never seen JSON, so paths and validator wording stay behind the scenes.
import { getAt, parsePath } from './paths.js';

/** Languages the elements' own interface speaks; offered first in the language list. */
export const INTERFACE_LANGUAGES = ['en', 'sv', 'da', 'nb', 'fi', 'is'];

const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });

/** "Swedish (sv)". */
export function languageName(tag) {
  let name = tag;
  try {
    name = languageNames.of(tag) ?? tag;
  } catch {
    /* not a valid tag: the validator says so next to the field */
  }
  return name === tag ? tag : `${name} (${tag})`;
}

const WORDS = {
  consent: 'Cookie banner',
  notice: 'Privacy notice',
  rightsRequest: 'Rights request form',
  controllers: 'Company',
  categories: 'Category',
  cookies: 'Cookie',
  sections: 'Section',
  items: 'Item',
  title: 'Title',
  description: 'Description',
  text: 'Text',
  textAfter: 'Text after',
  summary: 'Introduction',
  intro: 'Introduction',
  name: 'Name',
  address: 'Address',
  provider: 'Provided by',
  purpose: 'Purpose',
  duration: 'How long it is kept',
  retention: 'How long data is kept',
  labels: 'Labels',
  dataCategories: 'Kinds of personal data',
  examples: 'Examples',
  explanations: 'Explanations',
  legitimateInterest: 'Legitimate interest',
  purposes: 'Purposes',
  recipients: 'Recipients',
  groups: 'Group',
  rights: 'Rights',
  complaint: 'Complaints',
  authority: 'Supervisory authority',
  dpo: 'Data protection officer',
  responsible: 'Responsible',
};

/** "Cookie banner › Category “statistics” › Cookie “_ga” › Provided by". */
export function describePath(config, path) {
  const keys = parsePath(path);
  const parts = [];
  let walked = '';
  keys.forEach((key, i) => {
    walked = typeof key === 'number' ? `${walked}[${key}]` : walked ? `${walked}.${key}` : key;
    if (typeof key === 'number') {
      const item = getAt(config, walked);
      const name = item && typeof item === 'object' ? item.id ?? item.name ?? item.right : typeof item === 'string' ? item : undefined;
      const last = parts.pop() ?? 'Item';
      parts.push(typeof name === 'string' && name ? `${last} “${name}”` : `${last} ${key + 1}`);
    } else if (i === keys.length - 1 && /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(key) && !(key in WORDS)) {
      parts.push(languageName(key));
    } else {
      parts.push(WORDS[key] ?? key.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/^./, (c) => c.toUpperCase()));
    }
  });
  return parts.join(' › ') || 'The whole file';
}

/** Validator wording → what to do, in plain words. Lint messages are already written that way. */
export function plainMessage(problem) {
  const { message } = problem;
  if (problem.rule === 'PN-11') return `Missing: write the ${languageName(problem.language)} version.`;
  if (message === 'required string') return 'Fill this in.';
  if (message.startsWith('required text')) return 'Write this text.';
  if (message === 'required list') return 'Add at least one.';
  if (/^at least 1 item/.test(message)) return 'Add at least one.';
  if (message.startsWith('lowercase letters, digits')) return 'Use only lowercase letters a–z, digits, - or _, and start with a letter (for example “statistics”).';
  if (message.startsWith('duplicate category id')) return 'Another category already has this technical name.';
  if (message.startsWith('unknown property')) return 'The editor does not know this setting. Remove it from the file, or ask your web team what it is for.';
  if (message.startsWith('a cookie name or prefix')) return 'Write a cookie name without spaces, ; , or =. End it with * to mean every cookie starting with it.';
  const text = message.charAt(0).toUpperCase() + message.slice(1);
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
