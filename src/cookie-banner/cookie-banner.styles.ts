import { css } from 'lit';

export const bannerStyles = css`
  :host {
    display: contents;
  }

  .first-layer {
    position: fixed;
    z-index: var(--cookie-banner-z-index, 2147483000);
    display: flex;
    flex-wrap: wrap;
    gap: 1rem 2rem;
    align-items: flex-end;
    justify-content: space-between;
    /* Reflow at 320 px (WCAG 1.4.10): the banner scrolls inside itself, the buttons stay reachable. */
    max-height: 100vh;
    max-height: 100dvh;
    overflow-y: auto;
    padding: 1rem 1.25rem;
    background: var(--_background);
    color: var(--_text);
    border: 1px solid var(--_border);
    box-shadow: 0 -2px 16px rgb(0 0 0 / 0.2);
    animation: slide-in 0.25s ease-out;
  }

  .first-layer.bar {
    inset: auto 0 0 0;
    border-width: 1px 0 0;
  }

  .first-layer.box {
    inset: auto 1rem 1rem auto;
    width: min(var(--cookie-banner-max-width, 28rem), calc(100vw - 2rem));
    border-radius: var(--_radius);
  }

  .first-layer.modal {
    position: fixed;
    inset: 0;
    margin: auto;
    width: min(var(--cookie-banner-max-width, 36rem), calc(100vw - 2rem));
    height: fit-content;
    border-radius: var(--_radius);
  }

  .first-layer.modal::backdrop,
  dialog::backdrop {
    background: rgb(0 0 0 / 0.5);
  }

  .content {
    flex: 1 1 24rem;
    max-width: var(--cookie-banner-max-width, 60rem);
  }

  h2 {
    margin: 0 0 0.5rem;
    font-size: 1.25rem;
    line-height: 1.3;
  }

  p {
    margin: 0 0 0.5rem;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }

  .actions .button {
    flex: 1 1 auto;
  }

  dialog#preferences {
    width: min(40rem, calc(100vw - 1rem));
    max-height: calc(100dvh - 1rem);
    padding: 1.25rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_background);
    color: var(--_text);
    font: inherit;
  }

  .dialog-header {
    display: flex;
    justify-content: space-between;
    align-items: flex-start;
    gap: 1rem;
  }

  .dialog-header h2:focus {
    outline: none;
  }

  .close {
    flex: none;
    width: 44px;
    height: 44px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: transparent;
    color: var(--_text);
    font-size: 1.5rem;
    line-height: 1;
    cursor: pointer;
  }

  .receipt,
  .description,
  .cookies {
    color: var(--_muted);
  }

  .categories {
    list-style: none;
    margin: 1rem 0;
    padding: 0;
  }

  .category {
    padding: 0.75rem 0;
    border-top: 1px solid var(--_border);
  }

  .category-head {
    display: flex;
    align-items: center;
    gap: 0.75rem;
  }

  .category-head label {
    flex: 1;
    font-weight: 600;
  }

  .switch-state {
    font-size: 0.875rem;
    color: var(--_muted);
  }

  /* A switch: a 3:1-contrast track in both states, and the state also said in text (A11Y-06). */
  input[role='switch'] {
    appearance: none;
    position: relative;
    flex: none;
    width: 48px;
    height: 28px;
    margin: 0;
    border: 2px solid var(--_border);
    border-radius: 14px;
    background: var(--_background);
    cursor: pointer;
  }

  input[role='switch']::before {
    content: '';
    position: absolute;
    top: 3px;
    left: 3px;
    width: 18px;
    height: 18px;
    border-radius: 50%;
    background: var(--_border);
    transition: transform 0.15s;
  }

  input[role='switch']:checked {
    border-color: var(--_accent);
    background: var(--_accent);
  }

  input[role='switch']:checked::before {
    background: var(--_accent-text);
    transform: translateX(20px);
  }

  input[role='switch']:disabled {
    cursor: not-allowed;
  }

  details summary {
    cursor: pointer;
    min-height: 24px;
  }

  .cookies {
    margin: 0.25rem 0 0;
    padding-left: 1.25rem;
    overflow-wrap: anywhere;
  }

  /* Movement only: fading would lower the text contrast while it runs. */
  @keyframes slide-in {
    from {
      transform: translateY(1rem);
    }
  }

  @media (prefers-reduced-motion: reduce) {
    .first-layer,
    input[role='switch']::before {
      animation: none;
      transition: none;
    }
  }

  @media print {
    .first-layer {
      display: none;
    }
  }
`;
