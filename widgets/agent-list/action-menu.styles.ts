import { css } from 'lit';

/** The row's actions menu: loaded with the actions chunk, adopted by the list's shadow root then (actions-loader.ts). */
export const actionMenuStyles = css`
  .menu {
    position: fixed;
    inset: auto;
    margin: 0;
    min-width: 12rem;
    padding: 0.25rem;
    border: 1px solid var(--_border);
    border-radius: var(--fv-radius, 6px);
    background: var(--_surface);
    color: var(--_text);
    box-shadow: var(--_shadow);
  }
  .menu [role='menuitem'] {
    display: block;
    width: 100%;
    padding: 0.375rem 0.75rem;
    border: 0;
    border-radius: calc(var(--fv-radius, 6px) - 2px);
    background: none;
    text-align: start;
    cursor: pointer;
  }
  .menu button[role='menuitem']:hover,
  .menu button[role='menuitem']:focus-visible {
    background: var(--_accent);
    color: var(--_on-accent);
    outline: none;
  }
  .menu-note {
    color: var(--_text-muted);
    font-style: italic;
  }
`;
