import { css } from '@lit/reactive-element';

export const bannerStyles = css`
  :host {
    display: contents;
  }

  .first-layer {
    position: fixed;
    z-index: var(--cookie-banner-z-index, 2147483000);
    /* One column: the texts, then the row of buttons. No wrapper around the texts, to keep the
       first layer's nodes few (issue 14); a wide bar puts the buttons in a column beside them. */
    display: grid;
    grid-template-columns: minmax(0, var(--cookie-banner-max-width, 60rem));
    grid-auto-columns: max-content;
    column-gap: 2rem;
    align-items: end;
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

  .first-layer.modal::backdrop {
    background: rgb(0 0 0 / 0.5);
  }

  @media (min-width: 60rem) {
    /* Beside every text, at the bottom (the first layer has at most six texts). */
    .bar > .actions {
      grid-area: 1 / 2 / span 9;
      margin: 0;
    }
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
    margin-top: 0.5rem;
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }

  .actions .button {
    flex: 1 1 auto;
  }

  @keyframes slide-in {
    from {
      transform: translateY(1rem);
    }
  }

  @media (prefers-reduced-motion: reduce) {
    .first-layer {
      animation: none;
    }
  }

  @media print {
    .first-layer {
      display: none;
    }
  }
`;
