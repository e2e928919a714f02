/**
 * The notice's rich text: the markdown-like parser (plain module) and its Lit rendering.
 * SEC-01: configuration text never becomes HTML; SEC-02: links only to allowed URLs.
 */
import { expect } from '@open-wc/testing';
import { render } from 'lit';
import { parseRichText } from '../src/privacy-notice/rich-text.js';
import { renderRich } from '../src/privacy-notice/rich-text-template.js';

function rendered(source: string, level = 2): HTMLElement {
  const container = document.createElement('div');
  render(renderRich(parseRichText(source), level), container);
  return container;
}

/** The markup without Lit's comment markers, for compact assertions. */
function markup(element: HTMLElement): string {
  return element.innerHTML.replace(/<!--[^>]*-->/g, '');
}

describe('rich text (SEC-01, SEC-02)', () => {
  it('parses paragraphs, joining the lines of one paragraph', () => {
    expect(parseRichText('One\ntwo\n\nThree')).to.deep.equal([
      { type: 'paragraph', content: ['One two'] },
      { type: 'paragraph', content: ['Three'] },
    ]);
  });

  it('parses bullet and numbered lists, nested by indentation', () => {
    const blocks = parseRichText('Intro:\n- a\n  • a1\n  • a2\n- b\n\n1. one\n2) two');
    expect(blocks).to.deep.equal([
      { type: 'paragraph', content: ['Intro:'] },
      {
        type: 'list',
        items: [
          { content: ['a'], blocks: [{ type: 'list', items: [{ content: ['a1'] }, { content: ['a2'] }] }] },
          { content: ['b'] },
        ],
      },
      { type: 'list', ordered: true, items: [{ content: ['one'] }, { content: ['two'] }] },
    ]);
  });

  it('continues an item on the next line, and ends lists at an unindented paragraph', () => {
    const blocks = parseRichText('- first\n  continued\n\nAfter the list.');
    expect(blocks).to.deep.equal([
      { type: 'list', items: [{ content: ['first continued'] }] },
      { type: 'paragraph', content: ['After the list.'] },
    ]);
  });

  it('parses headings, emphasis, links, bare addresses and escapes', () => {
    expect(parseRichText('## Sub')).to.deep.equal([{ type: 'heading', depth: 2, content: ['Sub'] }]);
    expect(parseRichText('**Bold** and *em* and _em_ and \\*not\\* and snake_case_name')[0]).to.deep.equal({
      type: 'paragraph',
      content: [{ type: 'strong', text: 'Bold' }, ' and ', { type: 'em', text: 'em' }, ' and ', { type: 'em', text: 'em' }, ' and *not* and snake_case_name'],
    });
    expect(parseRichText('See [IMY](https://www.imy.se), https://www.imy.se/. or mail post@veni.se.')[0]).to.deep.equal({
      type: 'paragraph',
      content: [
        'See ',
        { type: 'link', href: 'https://www.imy.se', text: 'IMY' },
        ', ',
        { type: 'link', href: 'https://www.imy.se/', text: 'https://www.imy.se/' },
        '. or mail ',
        { type: 'link', href: 'mailto:post@veni.se', text: 'post@veni.se' },
        '.',
      ],
    });
  });

  it('renders into Lit templates: HTML in the text stays text', () => {
    const container = rendered('<img src=x onerror="window.__xss=1"> **<b>x</b>**\n\n- <script>window.__xss=1</script>');
    expect(container.querySelectorAll('img, script, b').length).to.equal(0);
    expect(container.textContent).to.contain('<img src=x onerror="window.__xss=1">').and.to.contain('<script>');
    expect((window as { __xss?: unknown }).__xss).to.equal(undefined);
  });

  it('renders a link only for allowed URLs, anything else as its text (even without validation)', () => {
    const container = rendered('[a](https://example.se) [b](mailto:x@y.se) [c](tel:+4610) [d](#rights) [e](/privacy) [f](javascript:alert(1)) [g](data:text/html,x) [h](//evil.example) [i](vbscript:x)');
    const links = [...container.querySelectorAll('a')].map((link) => [link.textContent, link.getAttribute('href'), link.getAttribute('rel')]);
    expect(links).to.deep.equal([
      ['a', 'https://example.se', 'noopener noreferrer'],
      ['b', 'mailto:x@y.se', null],
      ['c', 'tel:+4610', null],
      ['d', '#rights', null],
      ['e', '/privacy', null],
    ]);
    expect(container.textContent).to.contain('f').and.to.contain('g').and.to.contain('i');
  });

  it('renders structured blocks the same way', () => {
    const container = document.createElement('div');
    render(
      renderRich(
        [
          { type: 'paragraph', content: ['Plain ', { type: 'strong', text: 'bold' }, { type: 'link', href: 'javascript:alert(1)', text: ' no link' }] },
          { type: 'list', ordered: true, items: [{ content: ['x'], blocks: [{ type: 'paragraph', content: ['inside'] }] }] },
        ],
        3,
      ),
      container,
    );
    expect(markup(container)).to.equal('<p>Plain <strong>bold</strong> no link</p><ol><li>x<p>inside</p></li></ol>');
  });

  it('puts headings below the section and never skips a level', () => {
    const levels = (source: string, level: number) => [...rendered(source, level).querySelectorAll('h1,h2,h3,h4,h5,h6,[role=heading]')].map((h) => h.getAttribute('aria-level') ?? h.tagName);
    expect(levels('# A\n\n### B\n\n## C', 2)).to.deep.equal(['H3', 'H4', 'H4']);
    expect(levels('# A\n\n## B', 5)).to.deep.equal(['H6', '7']);
  });
});
