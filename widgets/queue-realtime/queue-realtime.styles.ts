import { css } from 'lit';
import { visuallyHidden } from '../core/theme.styles.js';

/* em throughout, not rem: a page that sets --fv-font-size (a wallboard, by the viewport) scales everything with it. */
export const queueRealtimeStyles = css`
  .base {
    container: queues / inline-size;
    display: flex;
    flex-direction: column;
    gap: 0.75em;
    height: 100%;
    padding-bottom: 0.75em;
    border: 1px solid var(--_border);
    border-radius: var(--fv-radius, 6px);
    overflow: auto;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em 0.75em;
    padding: 0.5em 0.75em;
    border-bottom: 1px solid var(--_border);
    background: var(--_surface-raised);
  }
  .title {
    margin: 0;
    font-size: 1.15em;
    font-weight: 600;
  }
  .segmented {
    display: inline-flex;
  }
  .segmented .button {
    min-height: 2em;
    padding: 0.2em 0.75em;
    border-radius: 0;
  }
  .segmented .button:first-child {
    border-radius: var(--fv-radius, 6px) 0 0 var(--fv-radius, 6px);
  }
  .segmented .button:last-child {
    border-radius: 0 var(--fv-radius, 6px) var(--fv-radius, 6px) 0;
    margin-inline-start: -1px;
  }
  .status-line {
    margin-inline-start: auto;
  }
  .status {
    font-weight: 600;
  }
  .stale-note,
  .age,
  .muted,
  .note,
  .detail {
    color: var(--_text-muted);
    font-weight: 400;
  }
  .empty,
  .alert,
  .sign-in {
    margin: 0 0.75em;
  }
  .stale .figures,
  .stale .summary {
    opacity: 0.6;
  }
  .figures {
    padding: 0 0.75em;
    overflow-x: auto;
  }
  .note {
    margin: 0.5em 0 0;
    font-size: 0.85em;
  }

  /* Figures and their levels: colour, and a shape, and words for assistive technology. */
  .figure {
    display: inline-flex;
    align-items: center;
    gap: 0.3em;
    font-variant-numeric: tabular-nums;
  }
  .level-icon {
    width: 1em;
    height: 1em;
    flex: none;
  }
  .figure.level-warn,
  .badge.level-warn {
    color: var(--_warning);
    font-weight: 700;
  }
  .figure.level-alert,
  .badge.level-alert {
    color: var(--_danger);
    font-weight: 700;
  }
  /* "short by 2" beside the agents needed: coloured with the figure when flagged. */
  .staffing-gap {
    margin-inline-start: 0.35em;
    font-size: 0.8em;
    white-space: nowrap;
  }
  /* Under the number: in the table's cell, and under a tile's big figure (at the size of the tile's small print). */
  .table .staffing-gap,
  .item.main .staffing-gap {
    display: block;
    margin-inline-start: 0;
  }
  .item.main .staffing-gap {
    font-size: 0.36em;
    line-height: 1.3;
  }
  .staffing-gap.level-warn {
    color: var(--_warning);
    font-weight: 600;
  }
  .staffing-gap.level-alert {
    color: var(--_danger);
    font-weight: 600;
  }

  /* Table view. */
  .table {
    width: 100%;
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
  }
  .table th,
  .table td {
    padding: 0.45em 0.6em;
    border-bottom: 1px solid var(--_border);
    text-align: start;
    vertical-align: top;
  }
  .table thead th {
    font-size: 0.85em;
    font-weight: 600;
    color: var(--_text-muted);
    white-space: nowrap;
  }
  .table .num {
    text-align: end;
  }
  /* A queue's name wraps between words only: a Chinese name keeps whole instead of standing a character a line (the figures scroll sideways). */
  .table .name {
    font-weight: 600;
    word-break: keep-all;
    min-width: 5em;
  }
  .table tfoot th,
  .table tfoot td {
    border-top: 2px solid var(--_border);
    border-bottom: none;
    background: var(--_surface-raised);
  }
  .table .detail {
    display: block;
    font-size: 0.8em;
    white-space: nowrap;
  }

  /* Tiles view. */
  .tiles {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(15em, 1fr));
    gap: 0.75em;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .tile {
    display: flex;
    flex-direction: column;
    gap: 0.5em;
    padding: 0.75em;
    border: 1px solid var(--_border);
    border-inline-start-width: 0.35em;
    border-radius: var(--fv-radius, 6px);
    background: var(--_surface-raised);
  }
  .tile.level-warn {
    border-color: var(--_warning);
  }
  .tile.level-alert {
    border-color: var(--_danger);
  }
  .tile.aggregate {
    border-style: double;
  }
  .tile-name {
    display: flex;
    align-items: baseline;
    gap: 0.25em 0.5em;
    margin: 0;
    font-size: 1.1em;
    font-weight: 600;
  }
  .name-text,
  .tile-name .count {
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  /* In a narrow tile with a badge, the aggregate's "8 queues" gives way before its name. */
  .tile-name .count {
    flex-shrink: 100;
  }
  .badge {
    flex: none;
    display: inline-flex;
    align-items: center;
    gap: 0.25em;
    margin-inline-start: auto;
    font-size: 0.8em;
    text-transform: uppercase;
  }
  .badge.level-warn {
    background: var(--_warning-bg);
  }
  .badge.level-alert {
    background: var(--_danger-bg);
  }
  .badge {
    padding: 0.1em 0.4em;
    border-radius: var(--fv-radius, 6px);
  }
  dl {
    margin: 0;
  }
  dd {
    margin: 0;
  }
  /* Figures side by side, spread over the tile; a narrow tile wraps them. */
  .tile-main,
  .tile-today,
  .tile-agents {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 0.4em 0.75em;
  }
  .item dt {
    white-space: nowrap;
  }
  .tile-agents {
    padding-top: 0.5em;
    border-top: 1px solid var(--_border);
  }
  .item dt {
    font-size: 0.8em;
    color: var(--_text-muted);
  }
  .item dd {
    font-size: 1.2em;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  .item.main dd {
    font-size: 2.2em;
    line-height: 1.1;
  }

  /* Agents by state. */
  .summary {
    padding: 0 0.75em;
  }
  .summary dl {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(8em, 1fr));
    gap: 0.75em;
  }
  .summary .item {
    padding: 0.5em 0.75em;
    border: 1px solid var(--_border);
    border-radius: var(--fv-radius, 6px);
  }
  .summary dt {
    display: flex;
    align-items: center;
    gap: 0.4em;
  }
  .summary .dot {
    width: 0.7em;
    height: 0.7em;
    border-radius: 50%;
    background: var(--_text-muted);
  }
  .summary .available .dot {
    background: var(--_success);
  }
  .summary .onContact .dot {
    background: var(--_accent);
  }
  .summary .wrapup .dot {
    background: var(--_monitor);
  }
  .summary .unavailable .dot {
    background: var(--_warning);
  }
  .summary dd {
    font-size: 2.2em;
    line-height: 1.1;
  }

  /* Trend. */
  .trend {
    display: flex;
    flex-direction: column;
    gap: 0.25em;
    margin: 0 0.75em;
  }
  .trend figcaption {
    font-weight: 600;
  }
  .chart {
    height: 14em;
    min-height: 120px;
  }

  /* Alerts (the count, list and toast: core/alerts.styles.ts): the queues they concern. */
  .table tr.alerted th {
    box-shadow: inset 0.3em 0 0 var(--_danger);
  }
  .tile.alerted {
    border-color: var(--_danger);
  }
  /* A wall screen flashes an alerted queue (a steady colour for viewers who ask for less motion). */
  .wallboard .tile.alerted {
    animation: fv-alert-flash 1s steps(1, end) infinite alternate;
  }
  @keyframes fv-alert-flash {
    from {
      background: var(--_surface-raised);
    }
    to {
      background: var(--_danger-bg);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .wallboard .tile.alerted {
      animation: none;
      background: var(--_danger-bg);
    }
  }

  /* Wallboard: fills its box, the figures take the room, bigger still. */
  .wallboard {
    gap: 0.75em;
    border: none;
    border-radius: 0;
  }
  /* Nobody scrolls a wall: what does not fit (more queues than a screen holds) is chosen away with the queues attribute. */
  .wallboard .figures {
    flex: 1;
    min-height: 0;
    overflow: hidden;
  }
  .wallboard .note {
    display: none;
  }
  /* Five tiles a row: nine (eight queues and their total) fit a screen, at 1080p as at 4K. */
  .wallboard .tiles {
    grid-template-columns: repeat(auto-fit, minmax(17em, 1fr));
  }
  .wallboard .item.main dd,
  .wallboard .summary dd {
    font-size: 2.4em;
  }
  .wallboard .summary .item {
    padding: 0.25em 0.75em;
  }
  /* The shape alone (its words stay for assistive technology): the queue's name keeps the room. */
  .wallboard .badge-text {
    ${visuallyHidden}
  }
  .wallboard .badge {
    font-size: 1em;
  }
  /* The tiles come first: at 1080p, what two rows of them leave. */
  .wallboard .chart {
    height: 15vh;
  }
`;
