import { css } from 'lit';

export const chatStyles = css`
  :host {
    height: 28rem;
  }
  .badge {
    padding: 0.0625rem 0.5rem;
    border-radius: 999px;
    font-size: 0.75em;
    white-space: nowrap;
    background: var(--_neutral-bg);
  }
  .badge.available {
    background: var(--_success-bg);
    color: var(--_success);
  }
  .badge.unavailable {
    background: var(--_warning-bg);
    color: var(--_warning);
  }
  .status {
    gap: 0.25rem;
    font-size: 0.75em;
    color: var(--_text-muted);
  }
  .status .dot {
    width: 0.5rem;
    height: 0.5rem;
  }
  .icon-button {
    display: inline-grid;
    place-items: center;
    width: 2rem;
    height: 2rem;
    padding: 0;
    border: 1px solid transparent;
    border-radius: var(--fv-radius, 6px);
    background: none;
    color: inherit;
    font-size: 1.25em;
    cursor: pointer;
  }
  .icon-button:hover {
    background: var(--_surface);
    border-color: var(--_border);
  }
  .placeholder {
    flex: 1;
    display: grid;
    place-items: center;
    padding: 1rem;
    text-align: center;
    color: var(--_text-muted);
  }
`;
