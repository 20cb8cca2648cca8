import { css } from 'lit';

export const agentDeskStyles = css`
  :host {
    height: 36rem;
  }
  .header h2 {
    font-size: 1.0625em;
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
  /* Loud on purpose: the agent must not miss that a supervisor is on the line. */
  .banner {
    display: flex;
    align-items: center;
    gap: 0.75rem;
    margin: 0.5rem 0.75rem 0;
    padding: 0.75rem 1rem;
    border-radius: var(--fv-radius, 6px);
    border-inline-start: 0.375rem solid currentColor;
    background: var(--_monitor-bg);
    color: var(--_monitor);
    font-size: 1.0625em;
    font-weight: 600;
  }
  .banner p {
    margin: 0;
  }
  .banner.coach {
    background: var(--_warning-bg);
    color: var(--_warning);
  }
  .banner.barge {
    background: var(--_danger-bg);
    color: var(--_danger);
  }
  .banner-icon {
    flex: none;
    width: 1.75em;
    height: 1.75em;
  }
  .own-state {
    display: flex;
    flex-direction: column;
    gap: 0.375rem;
    padding: 0.75rem;
    border-bottom: 1px solid var(--_border);
  }
  .line {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
    margin: 0;
  }
  .muted {
    color: var(--_text-muted);
  }
  .badge {
    padding: 0.0625rem 0.5rem;
    border-radius: 999px;
    font-size: 0.8125em;
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
  .queues {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .chip {
    padding: 0.0625rem 0.5rem;
    border: 1px solid var(--_border);
    border-radius: 999px;
    font-size: 0.8125em;
    color: var(--_text-muted);
  }
  .chip.joined {
    border-color: var(--_accent);
    color: var(--_accent);
  }
  .chat {
    flex: 1;
    min-height: 0;
    display: flex;
    flex-direction: column;
  }
  .tabs {
    display: flex;
    gap: 0.25rem;
    padding: 0.5rem 0.75rem 0;
    overflow-x: auto;
    border-bottom: 1px solid var(--_border);
  }
  .tab {
    display: inline-flex;
    align-items: center;
    gap: 0.375rem;
    padding: 0.375rem 0.75rem;
    border: 0;
    border-bottom: 2px solid transparent;
    background: none;
    color: var(--_text-muted);
    cursor: pointer;
    white-space: nowrap;
  }
  .tab[aria-selected='true'] {
    border-bottom-color: var(--_accent);
    color: var(--_text);
    font-weight: 600;
  }
  .count {
    min-width: 1.25rem;
    padding: 0 0.375rem;
    border-radius: 999px;
    background: var(--_danger);
    color: var(--_surface);
    font-size: 0.75em;
    text-align: center;
  }
  .panel {
    flex: 1;
    min-height: 0;
    display: flex;
    flex-direction: column;
  }
  .placeholder {
    margin: 0;
    padding: 1rem;
    text-align: center;
    color: var(--_text-muted);
  }
  /* Raise a hand: a line and a button; once up, its status and "Lower hand". In wrap-up, the same
     shape: a heading and a line over the reasons and "Complete wrap-up". */
  .hand,
  .hand-form,
  .wrapup {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
  }
  .hand,
  .wrapup {
    padding: 0.5em 0.75em;
    border-bottom: 1px solid var(--_border);
  }
  .hand-form input,
  .wrapup select {
    flex: 1 1 12em;
    min-width: 0;
  }
  .wrapup select {
    max-width: 28em;
    color: inherit;
    font: inherit;
  }
  .hand-status,
  .wrapup h3 {
    flex: 1 1 12em;
    margin: 0;
    font-size: 1em;
    font-weight: 600;
  }
  .wrapup form {
    display: contents;
  }
  .wrapup p {
    flex-basis: 100%;
    margin: 0;
    color: var(--_text-muted);
  }
`;
