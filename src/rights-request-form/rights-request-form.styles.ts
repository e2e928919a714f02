import { css } from '@lit/reactive-element';

/**
 * One column at every width, so the form reflows at 320 px (WCAG 1.4.10) without a breakpoint;
 * controls are at least 44 px high (WCAG 2.5.8 with margin, A11Y-05).
 */
export const formStyles = css`
  :host {
    display: block;
    max-width: var(--rights-request-form-max-width, 40rem);
    overflow-wrap: anywhere;
  }

  .base {
    background: var(--_background);
    color: var(--_text);
  }

  h2 {
    margin: 0 0 0.5rem;
    font-size: 1.5rem;
    line-height: 1.25;
  }

  h3 {
    font-size: 1.2rem;
    margin: 1rem 0 0.5rem;
  }

  h4 {
    font-size: 1rem;
    margin: 1rem 0 0.25rem;
  }

  p {
    margin: 0.5rem 0;
  }

  form {
    display: grid;
    gap: 1rem;
  }

  .channels,
  .note,
  .summary,
  .confirmation,
  .mail-body {
    padding: 0.75rem 1rem;
    border-radius: var(--_radius);
    background: var(--_surface);
  }

  .channels ul {
    margin: 0.25rem 0;
    padding-left: 1.25rem;
  }

  .controller-name {
    font-weight: 600;
    margin-bottom: 0;
  }

  .address {
    display: inline-block;
    vertical-align: top;
    white-space: pre-line;
  }

  .address .line {
    display: block;
  }

  .group {
    display: grid;
    gap: 1rem;
    margin: 0;
    padding: 0;
    border: 0;
    min-width: 0;
  }

  .group > legend {
    font-size: 1.2rem;
    font-weight: 600;
    padding: 0;
    margin-bottom: 0.5rem;
  }

  .field {
    display: grid;
    gap: 0.25rem;
    margin: 0;
    min-width: 0;
  }

  fieldset.field {
    border: 0;
    padding: 0;
  }

  .field > label,
  .field > legend {
    font-weight: 600;
    padding: 0;
  }

  .marker {
    font-weight: 400;
    color: var(--_muted);
  }

  .hint {
    margin: 0;
    color: var(--_muted);
    font-size: 0.95rem;
  }

  input[type='text'],
  input[type='email'],
  input[type='tel'],
  textarea {
    width: 100%;
    min-height: 44px;
    padding: 0.5rem 0.75rem;
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_background);
    color: var(--_text);
    font: inherit;
  }

  textarea {
    resize: vertical;
  }

  .invalid input,
  .invalid textarea {
    border-color: var(--_error);
  }

  .error {
    margin: 0;
    color: var(--_error);
    font-weight: 600;
  }

  .choice {
    display: grid;
    grid-template-columns: 1.5rem 1fr;
    column-gap: 0.5rem;
    align-items: start;
    min-height: 44px;
    padding-top: 0.5rem;
  }

  .choice input {
    width: 1.25rem;
    height: 1.25rem;
    margin: 0.15rem 0 0;
    accent-color: var(--_accent);
  }

  .choice label {
    font-weight: 400;
    cursor: pointer;
  }

  .choice .hint {
    grid-column: 2;
  }

  .explanation {
    margin: 0;
    padding-left: 0.75rem;
    border-left: 4px solid var(--_accent);
  }

  .error-summary {
    padding: 0.75rem 1rem;
    border: 3px solid var(--_error);
    border-radius: var(--_radius);
  }

  .error-summary h3 {
    margin-top: 0;
  }

  .error-summary a {
    color: var(--_error);
    font-weight: 600;
  }

  .failure:empty {
    display: none;
  }

  .failure {
    padding: 0.75rem 1rem;
    border-left: 4px solid var(--_error);
    background: var(--_surface);
  }

  .server-message {
    font-weight: 600;
  }

  .privacy-info {
    font-size: 0.95rem;
    color: var(--_muted);
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
  }

  .button.secondary {
    background: transparent;
    color: var(--_accent);
  }

  .button[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.7;
  }

  .note .button {
    margin-top: 0.5rem;
  }

  a.button {
    text-decoration: none;
  }

  .summary {
    margin: 0.5rem 0;
  }

  .summary div {
    padding: 0.25rem 0;
  }

  .summary dt {
    font-weight: 600;
  }

  .summary dd {
    margin: 0;
    white-space: pre-line;
  }

  .mail-body {
    white-space: pre-wrap;
    font: inherit;
    max-height: 16rem;
    overflow: auto;
  }

  /* The honeypot: off screen for people, hidden from assistive technology by aria-hidden, out of
     the tab order (SEC-07). Not display:none, which many bots recognise and skip. */
  .honeypot {
    position: absolute;
    left: -10000px;
    width: 1px;
    height: 1px;
    overflow: hidden;
  }

  @media (forced-colors: active) {
    .error,
    .error-summary a {
      color: CanvasText;
    }
  }
`;
