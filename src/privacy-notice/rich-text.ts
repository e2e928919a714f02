/**
 * The notice's rich text: a small, safe subset (paragraphs, bullet and numbered lists,
 * emphasis, links, headings inside a section) written either as a markdown-like string or as
 * the structured blocks below. Strings are parsed into the same blocks, so the renderer sees one
 * shape, and the blocks only ever become Lit templates: there is no HTML anywhere (SEC-01).
 *
 * Plain module without DOM or Lit: the validator (and so the command-line tool) uses it too.
 *
 * Markdown-like syntax, one construct per line:
 * - a blank line separates paragraphs; lines of one paragraph are joined with a space;
 * - `- `, `* ` or `• ` starts a bullet item, `1. ` or `1) ` a numbered one; indent an item
 *   (two spaces or more) to nest it in the item above;
 * - `# `, `## `, `### ` start a heading one, two or three levels below the section's heading;
 * - inline: `**strong**`, `*emphasis*` or `_emphasis_`, `[text](url)`, and bare `https://…`
 *   addresses and e-mail addresses become links; `\` escapes the next character.
 */
import type { Url } from '../core/config-types.js';
import { isAllowedUrl } from '../core/validation.js';

/** Rich text: a markdown-like string, structured blocks, or a map of language tag to either. */
export type RichText = string | RichBlock[] | RichTextMap;

/**
 * Rich text by language tag.
 * @propertyNames {"pattern": "^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$"}
 * @minProperties 1
 */
export interface RichTextMap {
  [languageTag: string]: string | RichBlock[];
}

export type RichBlock = RichParagraph | RichHeading | RichList;

export interface RichParagraph {
  type: 'paragraph';
  content: RichInline[];
}

export interface RichHeading {
  type: 'heading';
  /**
   * How many levels below the section's heading (1 = the level right below it).
   * @minimum 1
   * @maximum 3
   */
  depth?: number;
  content: RichInline[];
}

export interface RichList {
  type: 'list';
  /** A numbered list. */
  ordered?: boolean;
  /** @minItems 1 */
  items: RichListItem[];
}

export interface RichListItem {
  content: RichInline[];
  /** Nested lists or paragraphs that belong to this item. */
  blocks?: RichBlock[];
}

/** Text, emphasized text, or a link. */
export type RichInline = string | RichSpan | RichLink;

export interface RichSpan {
  type: 'em' | 'strong';
  text: string;
}

export interface RichLink {
  type: 'link';
  /** https or http, mailto, tel, a path on this site or an in-page anchor (SEC-02). */
  href: Url;
  text: string;
}

// ---------------------------------------------------------------------------------------------
// Parsing

const BULLET = /^(\s*)(?:[-*•])\s+(.*)$/;
const NUMBERED = /^(\s*)\d{1,3}[.)]\s+(.*)$/;
const HEADING = /^\s*(#{1,3})\s+(.*)$/;

interface OpenList {
  indent: number;
  list: RichList;
}

/** Parses the markdown-like string into blocks. Never throws; unknown syntax stays text. */
export function parseRichText(source: string): RichBlock[] {
  const blocks: RichBlock[] = [];
  let lists: OpenList[] = [];
  let paragraph: string[] = [];
  /** The item on the line above (no blank line between): a text line continues it. */
  let itemAbove: { item: RichListItem; source: string } | undefined;

  const endParagraph = () => {
    if (paragraph.length === 0) return;
    const block: RichParagraph = { type: 'paragraph', content: parseInline(paragraph.join(' ')) };
    paragraph = [];
    // An indented paragraph after a list item belongs to that item.
    const item = lists.at(-1)?.list.items.at(-1);
    if (item) (item.blocks ??= []).push(block);
    else blocks.push(block);
  };

  for (const rawLine of source.replace(/\r\n?/g, '\n').split('\n')) {
    const line = rawLine.replace(/\t/g, '  ');
    const heading = HEADING.exec(line);
    const item = BULLET.exec(line) ?? NUMBERED.exec(line);
    if (line.trim() === '') {
      endParagraph();
      itemAbove = undefined;
    } else if (heading) {
      endParagraph();
      lists = [];
      itemAbove = undefined;
      blocks.push({ type: 'heading', depth: heading[1].length, content: parseInline(heading[2].trim()) });
    } else if (item) {
      endParagraph();
      const text = item[2].trim();
      const added = addItem(blocks, lists, item[1].length, !BULLET.test(line), text);
      lists = added.lists;
      itemAbove = { item: added.item, source: text };
    } else if (itemAbove) {
      itemAbove.source += ` ${line.trim()}`;
      itemAbove.item.content = parseInline(itemAbove.source);
    } else {
      if (paragraph.length === 0 && !/^\s/.test(line)) lists = []; // unindented text ends the lists
      paragraph.push(line.trim());
    }
  }
  endParagraph();
  return blocks;
}

/** Adds a list item at `indent`, opening or closing nested lists. */
function addItem(blocks: RichBlock[], lists: OpenList[], indent: number, ordered: boolean, text: string) {
  const open = [...lists];
  while (open.length > 0 && indent < open.at(-1)!.indent) open.pop();
  const item: RichListItem = { content: parseInline(text) };
  if (open.length > 0 && indent === open.at(-1)!.indent) {
    if (!open.at(-1)!.list.ordered === !ordered) {
      open.at(-1)!.list.items.push(item);
      return { lists: open, item };
    }
    open.pop(); // a numbered item after bullets (or the reverse) starts a new list
  }
  const current = open.at(-1);
  const list: RichList = { type: 'list', ...(ordered ? { ordered: true } : {}), items: [item] };
  const parent = current?.list.items.at(-1);
  if (parent) (parent.blocks ??= []).push(list);
  else blocks.push(list);
  open.push({ indent, list });
  return { lists: open, item };
}

const INLINE =
  /\\([\\*_[\]()#`-])|\*\*(.+?)\*\*|\*(?!\s)(.+?)\*|(?<![\p{L}\p{N}])_(?!\s)(.+?)_(?![\p{L}\p{N}])|\[([^\]]+)\]\(((?:[^()\s]|\([^()\s]*\))*)\)|(https?:\/\/[^\s<>()]+[^\s<>().,;:!?'"”’])|([\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,})/gu;

/** Parses emphasis, links and bare addresses in one line of text. */
export function parseInline(text: string): RichInline[] {
  const out: RichInline[] = [];
  const pushText = (value: string) => {
    if (!value) return;
    const last = out.at(-1);
    if (typeof last === 'string') out[out.length - 1] = last + value;
    else out.push(value);
  };
  let index = 0;
  for (const match of text.matchAll(INLINE)) {
    pushText(text.slice(index, match.index));
    index = match.index + match[0].length;
    const [, escaped, strong, em, underscored, linkText, linkHref, bareUrl, email] = match;
    if (escaped !== undefined) pushText(escaped);
    else if (strong !== undefined) out.push({ type: 'strong', text: strong });
    else if (em !== undefined || underscored !== undefined) out.push({ type: 'em', text: em ?? underscored });
    else if (linkText !== undefined) out.push({ type: 'link', href: linkHref, text: linkText });
    else if (bareUrl !== undefined) out.push({ type: 'link', href: bareUrl, text: bareUrl });
    else if (email !== undefined) out.push({ type: 'link', href: `mailto:${email}`, text: email });
  }
  pushText(text.slice(index));
  return out;
}

/** The blocks of a rich text value that is already picked for one language. */
export function richBlocks(value: string | RichBlock[]): RichBlock[] {
  return typeof value === 'string' ? parseRichText(value) : value;
}

/** Every link in the blocks, for validation. */
export function linksOf(blocks: RichBlock[]): RichLink[] {
  const links: RichLink[] = [];
  const fromInline = (content: RichInline[]) => {
    for (const part of content) if (typeof part !== 'string' && part.type === 'link') links.push(part);
  };
  const walk = (list: RichBlock[]) => {
    for (const block of list) {
      if (block.type === 'list') {
        for (const item of block.items) {
          fromInline(item.content);
          if (item.blocks) walk(item.blocks);
        }
      } else fromInline(block.content);
    }
  };
  walk(blocks);
  return links;
}

/** Whether a link may become an `<a href>`; anything else renders as plain text (SEC-02). */
export function isSafeLink(href: string): boolean {
  return isAllowedUrl(href);
}
