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
  /* As many panels a row as fit; a panel left alone on the last row takes the whole row rather than half of it. */
  .charts,
  .rankings {
    display: flex;
    flex-wrap: wrap;
    gap: 1rem;
  }
  .charts > *,
  .rankings > * {
    flex: 1 1 22rem;
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
  .chart-note {
    margin: 0.5rem 0 0;
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
    /* A focused cell scrolls clear of the sticky heading row and name column. */
    scroll-padding-block-start: 3rem;
    scroll-padding-inline-start: 8rem;
    /* Scroll cue: a shade on the side with more columns, covered (local) once scrolled to that end. */
    background:
      linear-gradient(to right, var(--_surface), transparent) left / 1.5rem 100% no-repeat local,
      linear-gradient(to left, var(--_surface), transparent) right / 1.5rem 100% no-repeat local,
      radial-gradient(farthest-side at 0 50%, var(--_scroll-shade), transparent) left / 0.75rem 100% no-repeat scroll,
      radial-gradient(farthest-side at 100% 50%, var(--_scroll-shade), transparent) right / 0.75rem 100% no-repeat scroll;
    background-color: var(--_surface);
    --_scroll-shade: color-mix(in srgb, var(--_text) 28%, transparent);
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
    /* Long headings wrap between words; figures below never do. A Chinese heading keeps its word whole rather than break a character a line. */
    white-space: normal;
    word-break: keep-all;
    min-width: 4.5em;
    vertical-align: bottom;
    position: sticky;
    top: 0;
    background: var(--_surface-raised);
    font-weight: 600;
  }
  tbody th {
    font-weight: 400;
  }
  /* The name column stays in view while the figures scroll sideways. */
  tbody th,
  thead th:first-child {
    position: sticky;
    inset-inline-start: 0;
    box-shadow: inset -1px 0 var(--_border);
  }
  tbody th {
    z-index: 1;
    background: var(--_surface);
  }
  thead th {
    z-index: 2;
  }
  thead th:first-child {
    z-index: 3;
  }
  /* Long names end in an ellipsis; the whole name is the cell's tooltip. */
  .clip {
    display: block;
    max-width: var(--_clip-width, 14rem);
    overflow: hidden;
    text-overflow: ellipsis;
  }
  /* A grid cell without a control of its own takes the focus itself. */
  td:focus-visible,
  th:focus-visible {
    outline-offset: -2px;
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
  .print-only {
    display: none;
  }
  /*
   * Printed (history and reports): black on white whatever the theme, every row
   * of every table (no scroll boxes, nothing sticky), charts no wider than the
   * page, and no controls — the range and filters are said in words instead.
   */
  @media print {
    .base,
    .base.light,
    .base.dark,
    .base.auto {
      --_surface: #ffffff;
      --_surface-raised: #ffffff;
      --_text: #000000;
      --_text-muted: #333333;
      --_border: #888888;
      --_accent: #1d4ed8;
      --_success: #166534;
      --_warning: #92400e;
      --_danger: #b91c1c;
      --_monitor: #6d28d9;
      color-scheme: light;
      color: #000000;
      background: #ffffff;
      border: 0;
    }
    .toolbar {
      padding-inline: 0;
      border-bottom-color: #000000;
    }
    .toolbar > :not(.title, .print-only),
    .export,
    .segmented,
    .status,
    .arrow:empty,
    .dialog-actions,
    dialog.calls {
      display: none !important;
    }
    .print-only {
      display: block;
      flex-basis: 100%;
      margin: 0;
    }
    .content {
      padding-inline: 0;
    }
    .table-wrap {
      overflow: visible;
      max-height: none;
      background: none;
    }
    thead th,
    tbody th,
    thead th:first-child {
      position: static;
      box-shadow: none;
    }
    thead {
      /* The heading row again on every page a table runs onto. */
      display: table-header-group;
    }
    /* Small type and tight cells: a wide table fits a portrait page's width rather than run off its edge. */
    table {
      font-size: 0.6875rem;
    }
    th,
    td {
      padding: 0.1875rem 0.25rem;
      white-space: normal;
    }
    thead th {
      min-width: 0;
    }
    .clip {
      max-width: none;
      overflow: visible;
    }
    tr,
    .kpi,
    .chart-box {
      break-inside: avoid;
    }
    .figure {
      color: inherit;
      text-decoration: none;
    }
    .chart canvas,
    .chart > div {
      max-width: 100% !important;
      height: auto !important;
    }
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
