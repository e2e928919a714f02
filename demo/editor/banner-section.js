// The banner's own texts and look: title, text, layout and the link to the privacy notice.
import { h } from './dom.js';
import { localizedField, textField } from './fields.js';

const LAYOUTS = [
  ['bar', 'A bar along the bottom of the page'],
  ['box', 'A small box in the corner'],
  ['modal', 'A window in the middle that must be answered first'],
];

export function bannerSection(ctx) {
  return h(
    'section',
    { class: 'form-section', 'aria-labelledby': 'banner-title' },
    h('h3', { id: 'banner-title' }, 'Cookie banner'),
    localizedField(ctx, {
      path: 'consent.title',
      label: 'Heading of the banner',
      help: 'Leave empty to use the standard heading, “Cookies on this website”, in the visitor’s language.',
      optional: true,
      summaryLabel: 'Banner heading',
    }),
    localizedField(ctx, {
      path: 'consent.description',
      label: 'Text of the banner',
      help: 'Leave empty to use the standard text. Your own text must say that visitors can refuse or change their mind, and must not say that accepting is needed to use the website.',
      optional: true,
      multiline: true,
      summaryLabel: 'Banner text',
    }),
    localizedField(ctx, {
      path: 'consent.changeNote',
      label: 'What changed in this version',
      help: 'A sentence or two in your own words, for example “We now use Hotjar to see which pages are hard to use.” Visitors who chose under an earlier version read it when they are asked again. Write it when you ask everyone again.',
      optional: true,
      multiline: true,
      summaryLabel: 'What changed in this version',
    }),
    layoutField(ctx),
    textField(ctx, {
      path: 'consent.noticeUrl',
      label: 'Link to your privacy notice',
      help: 'The address of the page with your privacy notice, for example /privacy or https://example.se/privacy.',
      optional: true,
      type: 'text',
      inputmode: 'url',
    }),
  );
}

function layoutField(ctx) {
  const current = ctx.config.consent?.layout ?? 'bar';
  const slot = h('p', { class: 'field-problem', id: 'f-consent-layout-problem' });
  const group = h(
    'fieldset',
    { class: 'choices', 'aria-describedby': 'f-consent-layout-problem' },
    h('legend', {}, 'How the banner is shown'),
    slot,
    LAYOUTS.map(([value, label]) => {
      const id = `f-consent-layout-${value}`;
      return h(
        'div',
        { class: 'field radio' },
        h('input', {
          type: 'radio',
          name: 'layout',
          id,
          value,
          checked: value === current,
          onchange: () => {
            ctx.config.consent ??= { categories: [] };
            if (value === 'bar') delete ctx.config.consent.layout;
            else ctx.config.consent.layout = value;
            ctx.changed();
          },
        }),
        h('label', { for: id }, label),
      );
    }),
  );
  ctx.registry.add('consent.layout', group.querySelector('input:checked') ?? group.querySelector('input'), slot, 'How the banner is shown');
  return group;
}
