import { css } from 'lit';

/** Layout shared by the history widgets: toolbar, KPI cards, chart panels, tables, the calls dialog. */
export const historyStyles = css`
  .base {
    /* The widget answers its own width: a portal column or a full page. */
    container: history / inline-size;
    border: 1px solid var(--_border);
    border-radius: var(--fv-radius, 6px);
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
  .title {
    margin: 0 auto 0 0;
    font-size: 1rem;
    font-weight: 600;
  }
  .inline {
    display: inline-flex;
    align-items: center;
    gap: 0.25rem;
  }
  .segmented {
    display: inline-flex;
    flex-wrap: wrap;
  }
  .segmented .button {
    border-radius: 0;
  }
  .segmented .button + .button {
    margin-inline-start: -1px;
  }
  .segmented .button:first-child {
    border-start-start-radius: var(--fv-radius, 6px);
    border-end-start-radius: var(--fv-radius, 6px);
  }
  .segmented .button:last-child {
    border-start-end-radius: var(--fv-radius, 6px);
    border-end-end-radius: var(--fv-radius, 6px);
  }
  .muted {
    color: var(--_text-muted);
  }
  .content {
    display: grid;
    gap: 1rem;
    padding: 0.75rem;
  }
  /* Grid items would otherwise grow to a wide table's width instead of scrolling it. */
  .content > *,
  .charts > *,
  .rankings > * {
    min-width: 0;
  }
  .content[aria-busy='true'] > :not(.empty) {
    opacity: 0.6;
  }
  .empty {
    margin: 0;
    padding: 1.5rem;
    text-align: center;
    color: var(--_text-muted);
  }
  .kpis {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr));
    gap: 0.75rem;
    margin: 0;
  }
  .kpi {
    padding: 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--fv-radius, 6px);
    background: var(--_surface-raised);
  }
  .kpi dt {
    color: var(--_text-muted);
  }
  .kpi dd {
    margin: 0.25rem 0 0;
    font-size: 1.5rem;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  .kpi .note {
    display: block;
    font-size: 0.875rem;
    font-weight: 400;
    color: var(--_text-muted);
  }
  .charts {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 22rem), 1fr));
    gap: 1rem;
  }
  .rankings {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 22rem), 1fr));
    gap: 1rem;
  }
  .ranking {
    display: grid;
    align-content: start;
    gap: 0.5rem;
    /* Grid items and tracks are as wide as their widest table by default: let the table scroll in its own column instead. */
    grid-template-columns: minmax(0, 1fr);
    min-width: 0;
  }
  .chart-box {
    margin: 0;
    min-width: 0;
  }
  .chart {
    height: var(--chart-height, 16rem);
  }
  .section-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
    margin-bottom: 0.5rem;
  }
  h3 {
    margin: 0;
    font-size: 0.9375rem;
    font-weight: 600;
  }
  .table-wrap {
    overflow: auto;
    max-height: var(--table-max-height, 28rem);
    border: 1px solid var(--_border);
    border-radius: var(--fv-radius, 6px);
  }
  table {
    width: 100%;
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
  }
  th,
  td {
    padding: 0.375rem 0.625rem;
    border-bottom: 1px solid var(--_border);
    text-align: end;
    white-space: nowrap;
  }
  th.text,
  td.text,
  tbody th {
    text-align: start;
  }
  thead th {
    /* Long headings wrap; figures below never do. */
    white-space: normal;
    vertical-align: bottom;
    position: sticky;
    top: 0;
    background: var(--_surface-raised);
    font-weight: 600;
  }
  tbody th {
    font-weight: 400;
  }
  .sort {
    padding: 0;
    border: 0;
    background: none;
    font-weight: 600;
    cursor: pointer;
  }
  .arrow {
    display: inline-block;
    min-width: 1em;
    font-size: 0.75em;
  }
  .figure {
    padding: 0;
    text-align: inherit;
    border: 0;
    background: none;
    color: var(--_accent);
    font: inherit;
    text-decoration: underline dotted;
    cursor: pointer;
  }
  dialog.calls {
    width: min(64rem, calc(100vw - 2rem));
    max-width: none;
  }
  dialog.calls h2 {
    margin: 0;
  }
  .calls-table {
    max-height: 60vh;
  }
  @container history (max-width: 40rem) {
    .title {
      flex-basis: 100%;
    }
    .kpi dd {
      font-size: 1.25rem;
    }
  }
`;
