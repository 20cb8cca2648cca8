import { css } from 'lit';

export const chatStyles = css`
  :host {
    height: 28rem;
  }
  .base {
    display: flex;
    flex-direction: column;
    height: 100%;
    border: 1px solid var(--_border);
    border-radius: var(--fv-radius, 6px);
    overflow: hidden;
  }
  .header {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    padding: 0.5rem 0.75rem;
    border-bottom: 1px solid var(--_border);
    background: var(--_surface-raised);
  }
  .header h2 {
    flex: 1;
    min-width: 0;
    margin: 0;
    overflow: hidden;
    font-size: 1em;
    font-weight: 600;
    text-overflow: ellipsis;
    white-space: nowrap;
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
  .alert {
    margin: 0.5rem 0.75rem 0;
  }
  .sign-in {
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
    padding: 1rem;
  }
  .sign-in label {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
  }
  .sign-in h2 {
    margin: 0;
    font-size: 1.0625em;
  }
`;
