import { css } from 'lit';
import { visuallyHidden } from '../core/theme.styles.js';

export const agentListStyles = css`
  :host {
    height: 32rem;
  }
  .base {
    /* The list answers its own width, not the page's: a portal column and a wallboard differ. */
    container: agent-list / inline-size;
    display: flex;
    flex-direction: column;
    height: 100%;
    border: 1px solid var(--_border);
    border-radius: var(--fv-radius, 6px);
    overflow: hidden;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
    padding: 0.5rem 0.75rem;
    border-bottom: 1px solid var(--_border);
    background: var(--_surface-raised);
  }
  .search {
    flex: 1 1 12rem;
    min-width: 8rem;
  }
  .segmented {
    display: inline-flex;
  }
  .segmented .button {
    border-radius: 0;
  }
  .segmented .button:first-child {
    border-radius: var(--fv-radius, 6px) 0 0 var(--fv-radius, 6px);
  }
  .segmented .button:last-child {
    border-radius: 0 var(--fv-radius, 6px) var(--fv-radius, 6px) 0;
    margin-inline-start: -1px;
  }
  .count {
    margin-inline-start: auto;
  }
  .muted {
    color: var(--_text-muted);
  }
  .status {
    gap: 0.375rem;
    font-weight: 600;
  }
  .status .dot {
    width: 0.625rem;
    height: 0.625rem;
  }
  .stale-note {
    font-weight: 400;
    color: var(--_text-muted);
  }
  .alert {
    margin: 0.5rem 0.75rem 0;
  }
  .icon-button {
    display: inline-grid;
    place-items: center;
    min-width: 2rem;
    min-height: 2rem;
    padding: 0;
    border: 1px solid transparent;
    border-radius: var(--fv-radius, 6px);
    background: none;
    cursor: pointer;
    font-size: 1.125rem;
    line-height: 1;
  }
  .icon-button:hover {
    border-color: var(--_border);
  }
  .table-wrap {
    position: relative;
    flex: 1;
    min-height: 0;
    overflow-x: auto;
  }
  [role='table'] {
    display: flex;
    flex-direction: column;
    height: 100%;
    min-width: 60em;
  }
  .stale .body {
    opacity: 0.65;
  }
  /* em, not rem: a page that enlarges the widget's font (a wallboard) enlarges the grid with it.
     Durations grow with the room too, so "Time in state" is not stacked a word a line on a wide screen. */
  .row {
    display: grid;
    grid-template-columns:
      minmax(9em, 2fr) minmax(8em, 1.5fr) minmax(5.5em, 0.8fr) minmax(9em, 2fr) minmax(9em, 1.3fr)
      minmax(5.5em, 0.8fr) minmax(7em, 1.3fr);
    align-items: center;
    width: 100%;
    min-height: 2.75em;
    border-bottom: 1px solid var(--_border);
  }
  .with-actions .row {
    grid-template-columns:
      minmax(9em, 2fr) minmax(8em, 1.5fr) minmax(5.5em, 0.8fr) minmax(9em, 2fr) minmax(9em, 1.3fr)
      minmax(5.5em, 0.8fr) minmax(7em, 1.3fr) 3em;
  }
  .row.head {
    min-height: 2.25rem;
    background: var(--_surface-raised);
    font-weight: 600;
  }
  .row.group {
    grid-template-columns: 1fr;
    background: var(--_surface-raised);
  }
  .group-cell {
    display: flex;
    gap: 0.75rem;
    align-items: baseline;
  }
  .group-name {
    font-weight: 600;
  }
  .cell {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 0.375rem;
    min-width: 0;
    padding: 0.25rem 0.5rem;
  }
  .cell.num {
    justify-content: flex-end;
    font-variant-numeric: tabular-nums;
  }
  .sort {
    display: inline-flex;
    gap: 0.25rem;
    padding: 0.25rem 0;
    border: 0;
    background: none;
    font-weight: 600;
    cursor: pointer;
    text-align: start;
  }
  .arrow {
    font-size: 0.625rem;
  }
  .body {
    flex: 1;
    min-height: 0;
  }
  /* Fixed height and full containment: each row is laid out on its own, and
     re-rendering rows ten times a second stays cheap. */
  .body > .row {
    height: 3.25em;
    overflow: hidden;
    contain: strict;
  }
  .name {
    flex-direction: column;
    align-items: flex-start;
    gap: 0;
  }
  .agent-name {
    min-width: 0;
    max-width: 100%;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    font-weight: 600;
  }
  .location {
    font-size: 0.8em;
  }
  .name-line {
    display: flex;
    align-items: center;
    gap: 0.375em;
    max-width: 100%;
  }
  /* Unread chat from the agent: a count that opens the conversation. */
  .unread {
    flex: none;
    min-width: 1.5em;
    padding: 0 0.375em;
    border: 0;
    border-radius: 999px;
    background: var(--_danger);
    color: var(--_surface);
    font-size: 0.75em;
    font-weight: 600;
    line-height: 1.5;
    cursor: pointer;
  }
  /* An agent with an open alert (a raised hand, too long on hold…). */
  .row.agent.alerted {
    box-shadow: inset 0.3em 0 0 var(--_danger);
  }
  .row.signed_out .agent-name {
    color: var(--_text-muted);
  }
  .badge {
    display: inline-block;
    padding: 0.0625rem 0.5rem;
    border-radius: 999px;
    background: var(--_neutral-bg);
    font-size: 0.85em;
    white-space: nowrap;
  }
  .badge.state.available {
    background: var(--_success-bg);
    color: var(--_success);
  }
  .badge.state.unavailable {
    background: var(--_warning-bg);
    color: var(--_warning);
  }
  .badge.outbound {
    background: var(--_surface-raised);
    border: 1px solid var(--_border);
  }
  /* One line: a wrapped marker would be cut by the fixed row height. */
  .cell.contact-cell {
    flex-wrap: nowrap;
  }
  .contact-cell .contact,
  .contact-cell .badge.outbound {
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .badge.mode {
    background: var(--_monitor-bg);
    color: var(--_monitor);
  }
  .reason {
    max-width: 100%;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    color: var(--_text-muted);
  }
  .chips {
    display: flex;
    flex-wrap: nowrap;
    overflow: hidden;
    gap: 0.25rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .chips {
    min-width: 0;
    max-width: 100%;
  }
  /* A chip gives way before it is cut: it shrinks to an ellipsis (the name is in its tooltip);
     "+N" never shrinks. */
  .chip {
    flex: 0 1 auto;
    min-width: 2.5em;
    padding: 0 0.375rem;
    border: 1px solid var(--_border);
    border-radius: var(--fv-radius, 6px);
    font-size: 0.85em;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .chip.more {
    flex: none;
    min-width: 0;
    color: var(--_text-muted);
  }
  .chip.joined {
    border-color: var(--_accent);
    color: var(--_accent);
  }
  .chip.assigned {
    border-style: dashed;
    color: var(--_text-muted);
  }
  .empty {
    margin: 0;
    padding: 2rem 1rem;
    text-align: center;
    color: var(--_text-muted);
  }
  /* Nothing to list: the table shrinks to its headings and the reason follows them in view. */
  .table-wrap.no-rows [role='table'] {
    height: auto;
  }
  .empty p {
    margin: 0 0 0.75rem;
  }
  .spinner {
    display: inline-block;
    width: 0.875rem;
    height: 0.875rem;
    border: 2px solid var(--_border);
    border-top-color: var(--_accent);
    border-radius: 50%;
    animation: spin 0.8s linear infinite;
  }
  @keyframes spin {
    to {
      transform: rotate(1turn);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation: none;
      border-color: var(--_accent);
    }
  }
  /* A narrow portal column: two lines per agent — who and their state, then the contact
     and who is monitoring. Queues move to the queue dialog and the grouped view. */
  @container agent-list (max-width: 47.99rem) {
    [role='table'] {
      min-width: 0;
    }
    /* Fractions and fixed widths only: every row is its own grid, and columns must line up. */
    .row {
      grid-template-columns: minmax(0, 1.3fr) minmax(7em, 1fr) 5.5em;
      grid-template-areas:
        'name state stime'
        'contact monitor ctime';
    }
    .with-actions .row {
      grid-template-columns: minmax(0, 1.3fr) minmax(7em, 1fr) 5.5em 2.75em;
      grid-template-areas:
        'name state stime actions'
        'contact monitor ctime actions';
    }
    .sort {
      min-width: 0;
    }
    .location {
      display: none;
    }
    .row.group {
      grid-template-columns: 1fr;
      grid-template-areas: none;
    }
    .row > .cell:nth-child(1) {
      grid-area: name;
    }
    .row > .cell:nth-child(2) {
      grid-area: state;
      flex-wrap: nowrap;
    }
    .row > .cell:nth-child(3) {
      grid-area: stime;
    }
    .row > .cell:nth-child(4) {
      display: none;
    }
    .row > .cell:nth-child(5) {
      grid-area: contact;
    }
    .row > .cell:nth-child(6) {
      grid-area: ctime;
    }
    .row > .cell:nth-child(7) {
      grid-area: monitor;
    }
    /* No side padding: the menu button alone fills the narrow column, so the row never overflows. */
    .row > .cell:nth-child(8) {
      grid-area: actions;
      padding-inline: 0;
      justify-content: center;
    }
    /* A bare arrow marks an outbound contact here; the word stays for screen readers and in the title. */
    .contact-cell .badge.outbound {
      padding: 0;
      border: 0;
      background: none;
    }
    .contact-cell .direction-label {
      ${visuallyHidden}
    }
    .row > .cell:nth-child(2) .reason {
      min-width: 0;
      max-width: 8em;
    }
    .body > .row {
      height: 3.75em;
    }
  }
`;
