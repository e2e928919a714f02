import { css } from '@lit/reactive-element';

/**
 * The placeholder fills the box the iframe would take (its size is set inline by placeholders.ts)
 * and scrolls inside when the box is small, so the buttons stay reachable (WCAG 1.4.10).
 */
export const placeholderStyles = css`
  :host {
    position: relative;
    box-sizing: border-box;
    overflow: auto;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  :host > .panel {
    position: relative;
    box-sizing: border-box;
    max-width: 36rem;
    margin: 0.75rem;
    padding: 0.75rem 1rem;
    background: var(--_background);
    border-radius: var(--_radius);
  }

  .thumbnail {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    object-fit: cover;
  }

  p {
    margin: 0 0 0.5rem;
  }

  .name {
    font-weight: 600;
    font-size: 1.0625rem;
  }

  .title {
    font-weight: 600;
  }

  .name + .title {
    font-weight: normal;
    color: var(--_muted);
  }

  .text {
    font-size: 0.9375rem;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin-top: 0.75rem;
  }

  .button.secondary {
    background: transparent;
    color: var(--_accent);
  }
`;
