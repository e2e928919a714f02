/**
 * The first layer's "what changed since your last choice" for a visitor who decided before and
 * is asked again (CB-19): new categories, changed ones (and which part), a new version with the
 * site's own `consent.changeNote`, or an expired choice. Loaded only when a stored decision no
 * longer holds, so a first visit never downloads it or its texts.
 */
import { html, nothing, render, type TemplateResult } from 'lit/html.js';
import type { LocalizedText, PrivacyConfig } from '../core/config-types.js';
import type { StoredConsent } from '../core/consent-store.js';
import { reaskReasons, type CategoryPart } from '../core/reask-reasons.js';
import { reaskStrings } from '../i18n/generated/reask.js';
import { stringsOf } from '../i18n/lazy-strings.js';
import { format, msg, withStrings, type SupportedLocale } from '../i18n/locale.js';
import type { RenderPlace } from './render-place.js';

export interface ReaskView {
  config: PrivacyConfig;
  /** The decision in the cookie that no longer holds. */
  stored: StoredConsent;
  locale: SupportedLocale;
  text(value: LocalizedText): { text: string; lang?: string };
  /** Renders the banner again (once this part's strings have arrived). */
  requestUpdate(): void;
}

/**
 * Renders the note (or nothing: `view` undefined) into the first layer, before its text. lit-html
 * comes with this chunk: the banner's entry renders the first layer with DOM calls.
 */
export function renderReaskNoteInto(view: ReaskView | undefined, place: RenderPlace): void {
  render(view ? renderReaskNote(view) : nothing, place.container, { renderBefore: place.before, host: place.host });
}

export function renderReaskNote(view: ReaskView): TemplateResult | typeof nothing {
  const reasons = reaskReasons(view.config, view.stored);
  const strings = stringsOf(reaskStrings, view.locale, view.requestUpdate);
  if (!reasons || !strings) return nothing;
  return withStrings(strings, () => {
    const list = (items: string[]) => new Intl.ListFormat(view.locale, { type: 'conjunction' }).format(items);
    const title = (value: LocalizedText) => view.text(value).text;
    const partNames: Record<CategoryPart, string> = {
      title: msg('name', { id: 'reask.partTitle' }),
      description: msg('description', { id: 'reask.partDescription' }),
      cookies: msg('list of cookies', { id: 'reask.partCookies' }),
    };
    const note = view.config.consent!.changeNote;
    const changeNote = note === undefined ? undefined : view.text(note);
    const items: string[] = [];
    if (reasons.versionChanged) items.push(msg('We have published a new version of our cookie settings.', { id: 'reask.newVersion' }));
    if (reasons.added.length) {
      items.push(format(msg('New: {categories}.', { id: 'reask.added' }), { categories: list(reasons.added.map((category) => title(category.title))) }));
    }
    for (const { category, parts } of reasons.changed) {
      items.push(
        parts.length
          ? format(msg('Changed: {category} ({parts}).', { id: 'reask.changedParts' }), { category: title(category.title), parts: list(parts.map((part) => partNames[part])) })
          : format(msg('Changed: {category}.', { id: 'reask.changed' }), { category: title(category.title) }),
      );
    }
    if (reasons.expired) {
      const days = Math.round((view.stored.expiresAt - view.stored.decidedAt) / 86_400_000);
      items.push(format(msg('Choices are kept for {days} days, and yours has expired.', { id: 'reask.expired' }), { days }));
    }
    const date = new Intl.DateTimeFormat(view.locale, { dateStyle: 'long' }).format(view.stored.decidedAt);
    return html`<div class="reask" part="reask-note">
      <p><strong>${format(msg('What changed since your choice on {date}:', { id: 'reask.lead' }), { date })}</strong></p>
      <ul>
        ${items.map((item) => html`<li>${item}</li>`)}
      </ul>
      ${changeNote && reasons.versionChanged ? html`<p class="change-note" lang=${changeNote.lang ?? nothing}>${changeNote.text}</p>` : nothing}
    </div>`;
  });
}
