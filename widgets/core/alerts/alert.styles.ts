import { css } from 'lit';

/**
 * The alerts' count in a header, the list it opens and the toast of one just raised (alert-view.ts
 * draws them). Adopted by the widget's shadow root when the alerts load, so they ride in that chunk.
 */
export const alertStyles = css`
  .alerts-count {
    margin-inline-end: 0.5em;
    border-color: var(--_danger);
    color: var(--_danger);
    font-weight: 700;
  }
  .alerts,
  .toast {
    margin: 0 0.75em;
    padding: 0.5em 0.75em;
    border: 1px solid var(--_danger);
    border-inline-start-width: 0.35em;
    border-radius: var(--fv-radius, 6px);
  }
  .alerts ul {
    display: grid;
    gap: 0.4em;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .alert-item,
  .toast {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.25em 0.75em;
  }
  .alerts,
  .toast {
    background: var(--_surface-raised);
  }
  .toast {
    box-shadow: 0 0.25em 1em rgb(0 0 0 / 0.25);
  }
  .alert-text {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .alert-since,
  .alert-ack {
    color: var(--_text-muted);
    font-size: 0.85em;
  }
`;
