/**
 * Styles every console view shares, on top of the library's tokens (src/styles/shared.styles.ts).
 * One column at narrow widths, so every view reflows at 320 px (WCAG 1.4.10); tables scroll
 * inside their own focusable region instead of widening the page.
 */
import { css } from 'lit';

export const consoleStyles = css`
  :host {
    display: block;
    overflow-wrap: anywhere;
  }

  h1 {
    font-size: 1.6rem;
    line-height: 1.25;
    margin: 0 0 1rem;
  }

  h2 {
    font-size: 1.25rem;
    margin: 1.5rem 0 0.5rem;
  }

  h3 {
    font-size: 1.05rem;
    margin: 1rem 0 0.25rem;
  }

  h1:focus {
    outline: none;
  }

  h1:focus-visible {
    outline: 3px solid var(--_focus);
  }

  form {
    display: grid;
    gap: 0.75rem;
    max-width: 36rem;
  }

  .field {
    display: grid;
    gap: 0.25rem;
  }

  label,
  legend {
    font-weight: 600;
  }

  fieldset {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    margin: 0;
    padding: 0.5rem 1rem 0.75rem;
    min-width: 0;
  }

  .choice {
    display: flex;
    gap: 0.5rem;
    align-items: center;
    min-height: 44px;
    font-weight: normal;
  }

  .choice input {
    width: 1.25rem;
    height: 1.25rem;
    margin: 0;
  }

  input:not([type='radio']):not([type='checkbox']),
  select,
  textarea {
    font: inherit;
    min-height: 44px;
    padding: 0.4rem 0.6rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_background);
    color: var(--_text);
    width: 100%;
    max-width: 100%;
  }

  textarea {
    min-height: 6rem;
    resize: vertical;
  }

  .hint {
    color: var(--_muted);
    font-size: 0.9rem;
    margin: 0;
  }

  .button.secondary {
    background: var(--_background);
    color: var(--_accent);
  }

  .button[disabled] {
    opacity: 0.6;
    cursor: not-allowed;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
  }

  .notice {
    border: 1px solid var(--_border);
    border-left: 6px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_surface);
    padding: 0.75rem 1rem;
    margin: 0 0 1rem;
  }

  .notice p {
    margin: 0.25rem 0;
  }

  .error {
    border-left-color: var(--_error);
  }

  .error-text {
    color: var(--_error);
    font-weight: 600;
    margin: 0;
  }

  /* Urgency: a word and a marker shape, not colour alone (WCAG 1.4.1). */
  .urgency {
    display: inline-flex;
    align-items: center;
    gap: 0.3rem;
    font-weight: 600;
    white-space: nowrap;
  }

  .urgency.overdue::before {
    content: '';
    width: 0.8rem;
    height: 0.8rem;
    background: var(--_error);
    clip-path: polygon(50% 0, 100% 100%, 0 100%);
  }

  .urgency.due-soon::before {
    content: '';
    width: 0.7rem;
    height: 0.7rem;
    border: 2px solid currentColor;
    border-radius: 50%;
  }

  .table-region {
    overflow-x: auto;
    max-width: 100%;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  table {
    border-collapse: collapse;
    width: 100%;
    overflow-wrap: normal; /* the region scrolls instead; words stay whole */
  }

  caption {
    text-align: start;
    padding: 0.5rem 0.75rem;
    font-weight: 600;
  }

  th,
  td {
    text-align: start;
    vertical-align: top;
    padding: 0.5rem 0.75rem;
    border-top: 1px solid var(--_border);
  }

  thead th {
    background: var(--_surface);
    white-space: nowrap;
  }

  tr.overdue > *:first-child,
  tr.due-soon > *:first-child {
    border-inline-start: 6px solid var(--_error);
  }

  tr.due-soon > *:first-child {
    border-inline-start-style: double;
    border-inline-start-color: var(--_text);
  }

  dl.facts {
    display: grid;
    grid-template-columns: minmax(8rem, max-content) 1fr;
    gap: 0.25rem 1rem;
    margin: 0;
  }

  dl.facts dt {
    font-weight: 600;
  }

  dl.facts dd {
    margin: 0;
  }

  @media (max-width: 30rem) {
    dl.facts {
      grid-template-columns: 1fr;
    }

    dl.facts dd {
      margin-bottom: 0.5rem;
    }
  }

  .template {
    white-space: pre-wrap;
    font-family: inherit;
    background: var(--_surface);
    border-radius: var(--_radius);
    padding: 0.75rem 1rem;
    margin: 0.25rem 0 0;
  }

  /* The inbox's filters: side by side where there is room. */
  form.filters {
    max-width: 60rem;
    margin-bottom: 1rem;
  }

  .filter-row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem 1rem;
  }

  .filter-row .field {
    flex: 1 1 14rem;
  }

  .actions input.search {
    flex: 1 1 12rem;
    width: auto;
  }

  .nowrap {
    white-space: nowrap;
  }

  td.hash {
    overflow-wrap: anywhere;
    min-width: 12rem;
  }

  ul.categories {
    margin: 0;
    padding-inline-start: 1rem;
  }

  code,
  .mono {
    font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
    font-size: 0.9em;
  }
`;
