/**
 * Styles every element starts from, and the shared design tokens. Sites theme all three elements
 * with `--privacy-*` custom properties; each element also has its own `--<element>-*` knobs.
 * The defaults meet WCAG 2.2 AA contrast in light and dark schemes.
 */
import { css } from '@lit/reactive-element';

export const sharedStyles = css`
  :host {
    --_background: var(--privacy-color-background, #ffffff);
    --_text: var(--privacy-color-text, #1b1f24);
    --_muted: var(--privacy-color-muted, #4a5560);
    --_accent: var(--privacy-color-accent, #0b57a4);
    --_accent-text: var(--privacy-color-accent-text, #ffffff);
    --_border: var(--privacy-color-border, #6b7682);
    --_surface: var(--privacy-color-surface, #f2f4f7);
    --_error: var(--privacy-color-error, #b3261e);
    --_focus: var(--privacy-color-focus, #0b57a4);
    --_radius: var(--privacy-radius, 6px);
    --_font: var(--privacy-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    font-family: var(--_font);
    color: var(--_text);
    line-height: 1.5;
  }

  @media (prefers-color-scheme: dark) {
    :host {
      --_background: var(--privacy-color-background, #1b1f24);
      --_text: var(--privacy-color-text, #f2f4f7);
      --_muted: var(--privacy-color-muted, #c3cad2);
      --_accent: var(--privacy-color-accent, #8cc2ff);
      --_accent-text: var(--privacy-color-accent-text, #0d1117);
      --_border: var(--privacy-color-border, #9aa5b1);
      --_surface: var(--privacy-color-surface, #2a3038);
      --_error: var(--privacy-color-error, #ffb4ab);
      --_focus: var(--privacy-color-focus, #8cc2ff);
    }
  }

  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

  [hidden] {
    display: none !important;
  }

  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }

  a {
    color: var(--_accent);
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }

  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-height: 44px;
    min-width: 44px;
    padding: 0.5rem 1.25rem;
    border: 2px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_accent);
    color: var(--_accent-text);
    font: inherit;
    font-weight: 600;
    font-size: 1rem;
    cursor: pointer;
  }

  .button:hover {
    filter: brightness(1.1);
  }

  @media (forced-colors: active) {
    .button {
      border: 2px solid ButtonText;
    }
  }
`;
