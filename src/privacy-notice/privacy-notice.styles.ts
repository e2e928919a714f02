/**
 * The notice's styles: a readable text column in the shared tokens (light and dark), tables
 * that wrap on narrow screens, and a print stylesheet that prints everything.
 */
import { css } from '@lit/reactive-element';

export const noticeStyles = css`
  :host {
    display: block;
    background: var(--_background);
    color: var(--_text);
  }

  /* Room for the notice while its configuration loads, so the page below does not jump. */
  :host([data-loading]) {
    min-height: var(--privacy-notice-loading-height, 100vh);
  }

  article {
    max-width: var(--privacy-notice-max-width, 48rem);
    overflow-wrap: break-word;
  }

  .heading {
    line-height: 1.25;
    margin: 1.5em 0 0.5em;
  }

  section {
    scroll-margin-top: var(--privacy-notice-scroll-margin, 1rem);
  }

  /*
   * Sections out of view are not styled, laid out or painted until they scroll near (a long
   * notice shows in one frame); they stay in the accessibility tree, find-in-page and focus
   * (deep links). Only where overflow-clip-margin applies to the containment this brings (Chromium,
   * Firefox), so focus rings at a section's edge are not clipped (WebKitGTK clips them: it renders
   * as before). Containment also keeps margins from collapsing through a section, so the section
   * gives back its last child's bottom margin (1em in every section the renderer makes) and the
   * first one takes the larger of the table of contents' margin and its heading's: the spacing is
   * as without containment (measured: the same positions for every seed and heading level), except
   * below the last section, where the notice now ends 1em lower and has no margin to collapse.
   */
  @supports (overflow-clip-margin: 1rem) {
    article > section {
      content-visibility: auto;
      contain-intrinsic-block-size: auto 30rem;
      overflow-clip-margin: 1rem;
      margin-bottom: -1em;
    }

    nav + section {
      margin-top: -1.5rem;
    }

    nav + section > .heading:first-child {
      margin-top: max(1.5rem, 1.5em);
    }

    article > section:last-child {
      margin-bottom: 0;
    }
  }

  section > .heading:focus {
    outline: none;
  }

  section > .heading:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }

  .meta {
    color: var(--_muted);
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1.25rem;
  }

  nav {
    background: var(--_surface);
    border-radius: var(--_radius);
    padding: 0.75rem 1.25rem;
    margin: 1.5rem 0;
  }

  nav ol {
    margin: 0;
    padding-inline-start: 1.25rem;
  }

  nav li + li {
    margin-top: 0.25rem;
  }

  address {
    font-style: normal;
  }

  .name {
    margin-bottom: 0.25rem;
  }

  dl.facts {
    margin: 0.5rem 0 1rem;
  }

  dl.facts > div {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.5rem;
  }

  dt {
    font-weight: 600;
  }

  dt::after {
    content: ':';
  }

  dd {
    margin: 0;
  }

  .purpose + .purpose,
  .rights > li + li {
    margin-top: 0.75rem;
  }

  table {
    border-collapse: collapse;
    margin: 1rem 0;
    width: 100%;
  }

  caption {
    text-align: start;
    font-weight: 600;
    padding-bottom: 0.5rem;
  }

  th,
  td {
    overflow-wrap: break-word;
    hyphens: auto;
    border: 1px solid var(--_border);
    padding: 0.5rem 0.75rem;
    text-align: start;
    vertical-align: top;
  }

  thead th {
    background: var(--_surface);
  }

  ul.cookies {
    margin: 0;
    padding: 0;
    list-style: none;
  }

  code {
    font-size: 0.9em;
    overflow-wrap: anywhere;
  }

  .error {
    border-inline-start: 4px solid var(--_error);
    padding: 0.5rem 1rem;
  }

  @media print {
    :host {
      background: #fff;
      color: #000;
    }

    article {
      max-width: none;
    }

    /* Nothing to click on paper. */
    nav,
    .button,
    .request {
      display: none;
    }

    a {
      color: inherit;
    }

    /* Printed links show where they lead. */
    a[href^='http']:not(.bare)::after {
      content: ' (' attr(href) ')';
      font-size: 0.9em;
    }

    .heading {
      break-after: avoid;
    }

    /* Every section on paper; layout containment keeps the spacing that the margins above expect. */
    article > section {
      content-visibility: visible;
      contain: layout;
    }

    tr {
      break-inside: avoid;
    }

    th,
    td {
      border-color: #000;
    }

    thead th {
      background: none;
    }
  }
`;
