/**
 * The notice's templates, from a valid configuration: header, table of contents and one
 * template per section. Created for each render with the interface language and heading level,
 * so `msg()` answers in the element's language. Holds no state between renders.
 */
import { html, nothing, type TemplateResult } from 'lit/html.js';
import type { ConsentCategory, CookieDescription, LocalizedText, PrivacyConfig } from '../core/config-types.js';
import { offeredCategories } from '../core/consent-config.js';
import { pickText } from '../core/localized-text.js';
import { noticeRightsStrings } from '../i18n/generated/noticeRights.js';
import { noticeTransfersStrings } from '../i18n/generated/noticeTransfers.js';
import { format, type StringLoaders } from '../i18n/locale.js';
import { resolveAuthority } from './authorities.js';
import type { Controller, NoticeConfig, NoticeRightId, Purpose, RichText } from './notice-config.js';
import { optionalTexts, planRights, planSections, type RightView, type SectionPlan, type StandardSectionId } from './notice-model.js';
import { groupTitle, labels, legalBasisLabel, rightExplanation, rightTitle, safeguardLabel, sectionTitle, texts, type LabelId } from './notice-texts.js';
import { richBlocks, type RichBlock } from './rich-text.js';
import { heading, link, renderInline, renderRich } from './rich-text-template.js';

interface Picked {
  text: string;
  /** Set when the text is in another language than the interface (WCAG 3.1.2). */
  lang?: string;
}

/** What a contact block shows: a controller's or the DPO's details. */
type ContactDetails = Partial<Pick<Controller, 'contactPerson' | 'responsible' | 'address' | 'organizationNumber' | 'phone' | 'email' | 'website'>>;

/** Rights the form can take a request for (`?type=`). */
const FORM_RIGHTS: readonly NoticeRightId[] = ['access', 'rectification', 'erasure', 'restriction', 'objection', 'portability', 'withdraw-consent'];

export class NoticeRenderer {
  /** The optional string groups a configuration shows; the element loads them before rendering it. */
  static optionalStrings(config: PrivacyConfig): StringLoaders[] {
    const shown = optionalTexts(config);
    return [...(shown.rightExplanations ? [noticeRightsStrings] : []), ...(shown.transfers ? [noticeTransfersStrings] : [])];
  }

  private readonly notice: NoticeConfig;
  private readonly sections: SectionPlan[];
  private readonly rights: { listed: RightView[]; objection?: RightView };
  private readonly ui = texts();

  /**
   * `locale` is the interface language; `contentLocale` the visitor's full language tag for
   * picking configured texts (`sv-FI` before `sv`); `level` the heading level of the title.
   */
  constructor(
    private readonly config: PrivacyConfig,
    private readonly locale: string,
    private readonly contentLocale: string,
    private readonly level: number,
  ) {
    this.notice = config.notice!;
    this.sections = planSections(config);
    this.rights = planRights(config);
  }

  render(): TemplateResult {
    const title = this.notice.title ? this.text(this.notice.title) : { text: this.ui.defaultTitle };
    return html`
      <article part="base" aria-labelledby="notice-title">
        <header part="header">
          ${heading(this.level, title.text, { id: 'notice-title', part: 'title', lang: title.lang })} ${this.renderMeta()}
          ${this.rich(this.notice.summary, this.level, 'summary')}
        </header>
        <nav part="toc" aria-label=${this.ui.contents}>
          <ol>
            ${this.sections.map((section) => html`<li><a href="#${section.id}">${this.withLang(this.sectionHeading(section))}</a></li>`)}
          </ol>
        </nav>
        ${this.sections.map((section) => this.renderSection(section))}
      </article>
    `;
  }

  // --- sections ---------------------------------------------------------------------------

  private renderSection(section: SectionPlan): TemplateResult {
    const title = this.sectionHeading(section);
    const level = this.level + 1;
    return html`<section id=${section.id} part="section ${section.id}-section" aria-labelledby="${section.id}-title">
      ${heading(level, title.text, { id: `${section.id}-title`, part: 'section-title', focusable: true, lang: title.lang })}
      ${section.free ? this.rich(section.free.text, level) : this.renderStandard(section.id as StandardSectionId, level)}
    </section>`;
  }

  private sectionHeading(section: SectionPlan): Picked {
    if (section.free) return this.text(section.free.title);
    const id = section.id as StandardSectionId;
    const configured = id === 'objection' ? this.rights.objection?.title : this.notice[id]?.title;
    return configured ? this.text(configured) : { text: sectionTitle(id) };
  }

  private renderStandard(id: StandardSectionId, level: number): unknown {
    const part = id === 'objection' ? undefined : this.notice[id];
    const body = (() => {
      switch (id) {
        case 'controller':
          return this.renderControllers(this.config.controllers ?? []);
        case 'purposes':
          return this.renderPurposes(level);
        case 'recipients':
          return this.renderRecipients(level);
        case 'retention':
          return nothing;
        case 'rights':
          return this.renderRights(level);
        case 'objection':
          return this.renderObjection(level);
        case 'complaint':
          return this.renderAuthority();
        case 'cookies':
          return this.renderCookies();
        case 'dpo':
          return this.renderDpo();
      }
    })();
    // Recipients and rights place their closing text themselves (before transfers, before the contact lines).
    const after = id === 'recipients' || id === 'rights' ? undefined : part?.textAfter;
    return [this.rich(part?.text, level), body, this.rich(after, level)];
  }

  private renderControllers(controllers: Controller[]): TemplateResult {
    if (controllers.length === 1) {
      const [controller] = controllers;
      const name = this.text(controller.name);
      return html`<address part="controllers">
        <p class="name"><strong lang=${name.lang ?? nothing}>${name.text}</strong></p>
        <dl class="facts">${this.contactFacts(controller)}</dl>
      </address>`;
    }
    // Several companies (a group): one row each, so they can be compared at a glance.
    const columns = (['email', 'phone', 'website'] as const).filter((key) => controllers.some((controller) => controller[key]));
    return html`<address part="controllers">
      <table>
        <thead>
          <tr>
            <th scope="col">${this.ui.company}</th>
            <th scope="col">${this.withLang(this.label('organizationNumber'))}</th>
            <th scope="col">${this.withLang(this.label('address'))}</th>
            ${columns.map((key) => html`<th scope="col">${this.withLang(this.label(key))}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${controllers.map(
            (controller) => html`<tr>
              <th scope="row">${this.withLang(this.text(controller.name))}</th>
              <td>${controller.organizationNumber ?? ''}</td>
              <td>${this.lines(controller.address)}</td>
              ${columns.map((key) => html`<td>${this.contactLink(key, controller[key])}</td>`)}
            </tr>`,
          )}
        </tbody>
      </table>
    </address>`;
  }

  private contactFacts(controller: ContactDetails): unknown[] {
    const fact = (label: LabelId, value: unknown) => (value ? html`<div><dt>${this.withLang(this.label(label))}</dt><dd>${value}</dd></div>` : nothing);
    return [
      fact('contactPerson', controller.contactPerson),
      fact('responsible', controller.responsible && this.withLang(this.text(controller.responsible))),
      fact('address', controller.address && this.lines(controller.address)),
      fact('organizationNumber', controller.organizationNumber),
      fact('phone', this.contactLink('phone', controller.phone)),
      fact('email', this.contactLink('email', controller.email)),
      fact('website', this.contactLink('website', controller.website)),
    ];
  }

  private contactLink(kind: 'email' | 'phone' | 'website', value: string | undefined): unknown {
    if (!value) return '';
    if (kind === 'email') return link(`mailto:${value}`, value);
    if (kind === 'phone') return link(`tel:${value.replace(/[^\d+]/g, '')}`, value);
    return link(value, value.replace(/^https?:\/\//i, '').replace(/\/$/, ''));
  }

  private renderPurposes(level: number): unknown[] {
    const { items, numbered } = this.notice.purposes;
    return this.groupItems(
      items,
      (purpose) => (purpose.title ? this.text(purpose.title) : undefined),
      (run) => {
        const entries = run.map((purpose) => html`<li class="purpose">${this.purposeBody(purpose, level)}</li>`);
        return numbered ? html`<ol class="purposes">${entries}</ol>` : html`<ul class="purposes">${entries}</ul>`;
      },
      (purpose, title) => this.subsection(title, this.purposeBody(purpose, level + 1), level + 1),
    );
  }

  private purposeBody(purpose: Purpose, level: number): unknown {
    const fact = (label: string, value: unknown) => html`<div><dt>${label}</dt><dd>${value}</dd></div>`;
    const { legalBasis: basis, dataCategories, retention, source } = purpose;
    return [
      this.rich(purpose.description, level),
      html`<dl class="facts">
        ${fact(this.ui.legalBasis, legalBasisLabel(basis))}
        ${purpose.legalBasis === 'legitimate-interests' ? fact(this.ui.legitimateInterest, this.rich(purpose.legitimateInterest, level, 'inline')) : nothing}
        ${dataCategories?.length ? fact(this.ui.dataCategories, dataCategories.map((category, i) => [i ? ', ' : '', this.withLang(this.text(category))])) : nothing}
        ${retention ? fact(this.ui.retention, this.withLang(this.text(retention))) : nothing}
        ${source ? fact(this.ui.source, this.withLang(this.text(source))) : nothing}
      </dl>`,
    ];
  }

  private renderRecipients(level: number): unknown[] {
    const { recipients, transfers } = this.notice;
    const groups = (recipients?.groups ?? []).map((group) => {
      const title = group.title ? this.text(group.title) : { text: groupTitle(group.kind) };
      const examples = group.examples?.length
        ? html`<p>${this.ui.examples}</p>
            <ul>
              ${group.examples.map((example) => html`<li>${this.withLang(this.text(example))}</li>`)}
            </ul>`
        : nothing;
      return this.subsection(title, [this.rich(group.text, level + 1), examples], level + 1);
    });
    if (!transfers) return groups;
    const title = transfers.title ? this.text(transfers.title) : { text: this.ui.transfersTitle };
    const statement = transfers.outsideEea
      ? html`<p>${this.ui.safeguards}</p>
          <ul>
            ${transfers.safeguards.map((safeguard) => html`<li>${safeguardLabel(safeguard)}</li>`)}
          </ul>
          ${transfers.safeguardsUrl ? html`<p>${link(transfers.safeguardsUrl, this.ui.safeguardsCopy)}</p>` : nothing}`
      : html`<p>${this.ui.noTransfers}</p>`;
    // The recipients' own closing text comes before the transfers part.
    return [groups, this.rich(recipients?.textAfter, level), this.subsection(title, [this.rich(transfers.text, level + 1), statement], level + 1, 'transfers')];
  }

  private renderRights(level: number): unknown[] {
    const { listed } = this.rights;
    // When the company gives its rights headings, the ones the library adds get headings too.
    const titled = listed.some((view) => view.title !== undefined);
    const entries = this.groupItems(
      listed,
      (view) => (view.title ? this.text(view.title) : titled ? { text: rightTitle(view.rights[0]) } : undefined),
      (run) => html`<ul class="rights">
        ${run.map((view) => html`<li>${this.rightBody(view, level, true)}</li>`)}
      </ul>`,
      (view, title) => this.subsection(title, this.rightBody(view, level + 1, false), level + 1),
    );
    const emails = [...new Set((this.config.controllers ?? []).map((controller) => controller.rightsEmail).filter(Boolean))] as string[];
    const formUrl = this.notice.rights?.formUrl;
    return [
      entries,
      this.rich(this.notice.rights?.textAfter, level),
      emails.length ? html`<p>${this.ui.rightsEmail}: ${emails.map((email, i) => [i ? ', ' : '', link(`mailto:${email}`, email)])}</p>` : nothing,
      formUrl ? html`<p>${link(formUrl, this.ui.rightsForm, 'rights-form-link')}</p>` : nothing,
      html`<p>${this.ui.responseTime}</p>`,
    ];
  }

  /** A right's explanation: the company's text, or the library's title and explanation. */
  private rightBody(view: RightView, level: number, withTitle: boolean): unknown {
    const body = view.text
      ? this.rich(view.text, level)
      : html`<p>${withTitle ? [html`<strong>${view.rights.map(rightTitle).join(', ')}.</strong>`, ' '] : nothing}${view.rights.map(rightExplanation).join(' ')}</p>`;
    return [body, this.requestLinks(view.rights)];
  }

  /** Links to the rights form with the right preselected (PN-02 b). */
  private requestLinks(rights: readonly NoticeRightId[]): unknown {
    const formUrl = this.notice.rights?.formUrl;
    if (!formUrl) return nothing;
    return rights
      .filter((right) => FORM_RIGHTS.includes(right))
      .map((right) => html`<p class="request">${link(withType(formUrl, right), format(this.ui.requestRight, { right: rightTitle(right) }), 'request-link')}</p>`);
  }

  private renderObjection(level: number): unknown {
    const { objection } = this.rights;
    if (!objection) return nothing;
    const body = objection.text ? this.rich(objection.text, level) : html`<p>${rightExplanation('objection')}</p>`;
    return [body, this.requestLinks(['objection'])];
  }

  private renderAuthority(): TemplateResult {
    const authority = resolveAuthority(this.notice.authority);
    const name = this.text(authority.name);
    return html`<p part="authority">${this.ui.authority} <span lang=${name.lang ?? nothing}>${link(authority.url, name.text)}</span></p>
      <p>${this.ui.complaintAnywhere}</p>`;
  }

  /**
   * The table comes from `consent.categories`, the banner's own source, so the two cannot
   * disagree. The button needs no handler: the page's <cookie-banner> opens its preferences on
   * a click on any [data-cookie-preferences] element, also inside this shadow root (it reads
   * the event's composed path).
   */
  private renderCookies(): unknown {
    const consent = this.config.consent;
    if (!consent) return nothing;
    const categories = offeredCategories(consent);
    return html`
      <table part="cookie-table">
        <caption>${this.ui.cookieTable}</caption>
        <thead>
          <tr>
            <th scope="col">${this.ui.cookieCategory}</th>
            <th scope="col">${this.ui.cookiePurpose}</th>
            <th scope="col">${this.ui.cookieUse}</th>
            <th scope="col">${this.ui.cookieNames}</th>
          </tr>
        </thead>
        <tbody>
          ${categories.map((category) => this.cookieRow(category))}
        </tbody>
      </table>
      <p>${this.ui.cookieChoice}</p>
      <p>
        <button type="button" class="button" part="cookie-settings" data-cookie-preferences>${this.ui.cookieSettings}</button>
      </p>
    `;
  }

  private cookieRow(category: ConsentCategory): TemplateResult {
    const cookies = category.cookies ?? [];
    return html`<tr data-category=${category.id}>
      <th scope="row">${this.withLang(this.text(category.title))}</th>
      <td>${this.withLang(this.text(category.description))}</td>
      <td>${category.required ? this.ui.alwaysOn : this.ui.withConsent}</td>
      <td>
        ${cookies.length
          ? html`<ul class="cookies">
              ${cookies.map((cookie) => (typeof cookie === 'string' ? html`<li><code>${cookie}</code></li>` : this.cookieItem(cookie)))}
            </ul>`
          : ''}
      </td>
    </tr>`;
  }

  private cookieItem(cookie: CookieDescription): TemplateResult {
    const details = [cookie.provider, cookie.purpose, cookie.duration].filter((text) => text !== undefined);
    // Separators are expressions: the build's template minifier trims spaces at template edges.
    const described = details.map((text, i) => [i ? ', ' : ' (', this.withLang(this.text(text))]);
    return html`<li><code>${cookie.name}</code>${described}${details.length ? ')' : nothing}</li>`;
  }

  private renderDpo(): unknown {
    const dpo = this.notice.dpo!;
    const facts = this.contactFacts(dpo);
    if (!dpo.name && !dpo.email && !dpo.phone && !dpo.address) return nothing;
    return html`<address part="dpo">
      ${dpo.name ? html`<p class="name"><strong>${dpo.name}</strong></p>` : nothing}
      <dl class="facts">${facts}</dl>
    </address>`;
  }

  // --- header -----------------------------------------------------------------------------

  private renderMeta(): unknown {
    const { published, updated } = this.notice;
    return html`<p class="meta" part="meta">
      ${published ? html`<span>${this.dated('published', published)}</span>` : nothing}
      ${updated ? html`<span>${this.dated('updated', updated)}</span>` : nothing}
      <span>${format(this.ui.version, { version: this.config.version })}</span>
    </p>`;
  }

  /** "Last updated {date}" with the date in a `<time>`, formatted in the label's language. */
  private dated(label: 'published' | 'updated', date: string): unknown {
    const picked = this.label(label);
    const [before, after = ''] = picked.text.split('{date}');
    const language = picked.lang ?? this.locale;
    const formatted = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
    return html`<span lang=${picked.lang ?? nothing}>${before}<time datetime=${date}>${formatted}</time>${after}</span>`;
  }

  // --- helpers ----------------------------------------------------------------------------

  /**
   * Renders items in order: runs of items without a heading as one list, items with a heading
   * as sub-sections.
   */
  private groupItems<T>(
    items: readonly T[],
    titleOf: (item: T) => Picked | undefined,
    renderRun: (run: T[]) => unknown,
    renderTitled: (item: T, title: Picked) => unknown,
  ): unknown[] {
    const out: unknown[] = [];
    let run: T[] = [];
    const flush = () => {
      if (run.length) out.push(renderRun(run));
      run = [];
    };
    for (const item of items) {
      const title = titleOf(item);
      if (title === undefined) run.push(item);
      else {
        flush();
        out.push(renderTitled(item, title));
      }
    }
    flush();
    return out;
  }

  private subsection(title: Picked, body: unknown, level: number, part?: string): TemplateResult {
    return html`<section class="subsection" part=${part ?? nothing}>${heading(level, title.text, { lang: title.lang })}${body}</section>`;
  }

  private label(id: LabelId): Picked {
    const own = this.notice.labels?.[id];
    return own ? this.text(own) : { text: labels()[id] };
  }

  /** Picks the visitor's language; plain strings are in the configuration's default language. */
  private text(value: LocalizedText): Picked {
    const picked = pickText(value, this.contentLocale, this.config.defaultLocale);
    return { text: picked.text, lang: this.foreign(picked.lang ?? this.config.defaultLocale) };
  }

  private foreign(lang: string | undefined): string | undefined {
    return lang && lang.split('-')[0] !== this.locale ? lang : undefined;
  }

  private withLang(picked: Picked): unknown {
    return picked.lang ? html`<span lang=${picked.lang}>${picked.text}</span>` : picked.text;
  }

  /** Rich text in the visitor's language, under a heading of `level`. */
  private rich(value: RichText | undefined, level: number, part?: string): unknown {
    if (value === undefined) return nothing;
    const { blocks, lang } = this.pickRich(value);
    // Inside a definition (`inline`), a single paragraph needs no <p> of its own.
    if (part === 'inline' && blocks.length === 1 && blocks[0].type === 'paragraph') {
      return html`<span lang=${lang ?? nothing}>${renderInline(blocks[0].content)}</span>`;
    }
    return html`<div class="text" part=${part && part !== 'inline' ? part : nothing} lang=${lang ?? nothing}>${renderRich(blocks, level)}</div>`;
  }

  private pickRich(value: RichText): { blocks: RichBlock[]; lang?: string } {
    if (typeof value === 'string' || Array.isArray(value)) return { blocks: richBlocks(value), lang: this.foreign(this.config.defaultLocale) };
    // Pick the language with the same rules as plain texts, then take that language's value.
    const keys = Object.fromEntries(Object.keys(value).map((key) => [key, key]));
    const { lang } = pickText(keys, this.contentLocale, this.config.defaultLocale);
    return { blocks: richBlocks(value[lang!]), lang: this.foreign(lang) };
  }

  private lines(value: LocalizedText | undefined): unknown {
    if (value === undefined) return '';
    const picked = this.text(value);
    const lines = picked.text.split('\n').map((line, i) => [i ? html`<br />` : nothing, line]);
    return picked.lang ? html`<span lang=${picked.lang}>${lines}</span>` : lines;
  }
}

/** The form URL with the right preselected: `?type=access`, keeping any anchor. */
function withType(formUrl: string, right: NoticeRightId): string {
  const [base, anchor] = formUrl.split('#', 2);
  const joiner = base.includes('?') ? '&' : '?';
  return `${base}${joiner}type=${encodeURIComponent(right)}${anchor !== undefined ? `#${anchor}` : ''}`;
}
