/**
 * Turns rich-text blocks into Lit templates. Every configured string ends up as a text node or
 * an escaped attribute value (SEC-01); a link becomes an `<a>` only when its URL is allowed, and
 * plain text otherwise (SEC-02).
 */
import { html, nothing, type TemplateResult } from 'lit/html.js';
import { html as staticHtml, literal, type StaticValue } from 'lit/static-html.js';
import { isSafeLink, type RichBlock, type RichInline, type RichListItem } from './rich-text.js';

const HEADING_TAGS: readonly StaticValue[] = [literal`h1`, literal`h2`, literal`h3`, literal`h4`, literal`h5`, literal`h6`];

/**
 * A heading at `level` (1 and up). Below h6, HTML has no element, so a paragraph takes the
 * heading role with its `aria-level`, and assistive technology still gets the outline.
 */
export function heading(level: number, content: unknown, options: { id?: string; part?: string; focusable?: boolean; lang?: string } = {}): TemplateResult {
  const { id, part, focusable, lang } = options;
  if (level > 6) {
    return html`<p class="heading" role="heading" aria-level=${level} id=${id ?? nothing} part=${part ?? nothing} tabindex=${focusable ? -1 : nothing} lang=${lang ?? nothing}>${content}</p>`;
  }
  const tag = HEADING_TAGS[Math.max(1, level) - 1];
  return staticHtml`<${tag} class="heading" id=${id ?? nothing} part=${part ?? nothing} tabindex=${focusable ? -1 : nothing} lang=${lang ?? nothing}>${content}</${tag}>`;
}

/**
 * Renders blocks under a heading of `level`. A heading inside the text goes `depth` levels
 * below, but never more than one below the previous heading, so the outline has no gaps.
 */
export function renderRich(blocks: readonly RichBlock[], level: number): TemplateResult[] {
  let previous = level;
  return blocks.map((block) => {
    if (block.type === 'heading') {
      previous = Math.min(level + (block.depth ?? 1), previous + 1);
      return heading(previous, renderInline(block.content));
    }
    return renderBlock(block, level);
  });
}

function renderBlock(block: RichBlock, level: number): TemplateResult {
  switch (block.type) {
    case 'paragraph':
      return html`<p>${renderInline(block.content)}</p>`;
    case 'list': {
      const items = block.items.map((item) => renderItem(item, level));
      return block.ordered ? html`<ol>${items}</ol>` : html`<ul>${items}</ul>`;
    }
    case 'heading':
      return heading(level + 1, renderInline(block.content));
  }
}

function renderItem(item: RichListItem, level: number): TemplateResult {
  return html`<li>${renderInline(item.content)}${item.blocks ? renderRich(item.blocks, level) : nothing}</li>`;
}

export function renderInline(content: readonly RichInline[]): unknown[] {
  return content.map((part) => {
    if (typeof part === 'string') return part;
    switch (part.type) {
      case 'strong':
        return html`<strong>${part.text}</strong>`;
      case 'em':
        return html`<em>${part.text}</em>`;
      case 'link':
        return link(part.href, part.text);
    }
  });
}

/** A link to an allowed URL; anything else is shown as its text only. */
export function link(href: string, text: unknown, part?: string): unknown {
  if (!isSafeLink(href)) return text;
  // Links leaving the site get no opener and no referrer (SEC-02).
  const external = /^https?:/i.test(href.trim());
  // A link that shows its own address needs no printed copy of it (see the print styles).
  const bare = text === href || (typeof text === 'string' && href.replace(/^https?:\/\//i, '').replace(/\/$/, '') === text);
  return html`<a href=${href} class=${bare ? 'bare' : nothing} rel=${external ? 'noopener noreferrer' : nothing} part=${part ?? nothing}>${text}</a>`;
}
