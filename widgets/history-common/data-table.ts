import { html, nothing } from 'lit';
import { collator, formatDuration, formatNumber, formatPercent } from '../core/format.js';
import type { CsvValue } from '../../common/csv.js';
import type { Lang } from '../core/i18n/index.js';
import type { HistoryTranslator } from './i18n/index.js';

/** How a column's values read: counts, durations in seconds, ratios, or text. */
export type ColumnKind = 'count' | 'duration' | 'percent' | 'text';

export interface Column<R> {
  key: string;
  label: string;
  kind: ColumnKind;
  value(row: R): string | number | null;
  /** The calls behind this cell, when it is a figure worth opening. */
  drill?: ((row: R) => (() => void) | null) | undefined;
}

export interface SortState {
  key: string;
  direction: 'asc' | 'desc';
}

/** Nulls (nothing to average) last either way; text in the viewer's collation. */
export function sortRows<R>(rows: readonly R[], columns: readonly Column<R>[], sort: SortState, tr: HistoryTranslator): R[] {
  const column = columns.find((c) => c.key === sort.key) ?? columns[0];
  if (!column) return [...rows];
  const sign = sort.direction === 'asc' ? 1 : -1;
  const compare = collator(tr.lang);
  return [...rows].sort((a, b) => {
    const [x, y] = [column.value(a), column.value(b)];
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    return sign * (typeof x === 'number' && typeof y === 'number' ? x - y : compare.compare(String(x), String(y)));
  });
}

/** A figure as every history table, KPI and chart shows it: durations m:ss, ratios a percentage to one decimal. */
export function formatFigure(kind: ColumnKind, value: number, lang: Lang): string {
  switch (kind) {
    case 'duration':
      return formatDuration(value, lang);
    case 'percent':
      return formatPercent(value, lang, 1);
    default:
      return formatNumber(value, lang);
  }
}

export function formatValue(kind: ColumnKind, value: string | number | null, tr: HistoryTranslator): string {
  if (value === null) return '—';
  return typeof value === 'string' ? value : formatFigure(kind, value, tr.lang);
}

export interface TableProps<R> {
  tr: HistoryTranslator;
  /** The table's name: caption, accessible name, CSV file name. */
  title: string;
  columns: readonly Column<R>[];
  /** Already sorted. */
  rows: readonly R[];
  sort: SortState;
  onSort(sort: SortState): void;
}

/** Saves the rows as shown as CSV: the visible columns, raw values (seconds, ratios), in the shown order; the writer loads on the first export. */
async function exportTable<R>(title: string, columns: readonly Column<R>[], rows: readonly R[]): Promise<void> {
  const { downloadCsv } = await import('../core/csv.js');
  downloadCsv(
    `${title}.csv`,
    columns.map((c) => c.label),
    rows.map((r) => columns.map((c): CsvValue => c.value(r))),
  );
}

/** Text that may be cut short (a long name): ends in an ellipsis, and the whole text is its tooltip. */
export const renderClipped = (text: string) => html`<span class="clip" title=${text}>${text}</span>`;

/**
 * A sortable table (`part="table"`) with its CSV export; figure cells with calls behind them are buttons.
 * It is a keyboard grid (one Tab stop, arrow keys): the widget needs a `GridNavigation`.
 */
export function renderTable<R>(p: TableProps<R>) {
  const { tr, sort } = p;
  const header = (c: Column<R>) => {
    const active = c.key === sort.key;
    const next: SortState = { key: c.key, direction: active && sort.direction === 'desc' ? 'asc' : active ? 'desc' : c.kind === 'text' ? 'asc' : 'desc' };
    return html`<th scope="col" class=${c.kind} aria-sort=${active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <button class="sort" @click=${() => p.onSort(next)}>${c.label}<span class="arrow" aria-hidden="true">${active ? (sort.direction === 'asc' ? '▲' : '▼') : ''}</span></button>
    </th>`;
  };
  const cell = (c: Column<R>, r: R, i: number) => {
    const text = formatValue(c.kind, c.value(r), tr);
    const open = c.drill?.(r) ?? null;
    const content = open
      ? html`<button class="figure" title=${tr.t('history.drill', { figure: `${c.label}: ${text}` })} @click=${open}>${text}</button>`
      : c.kind === 'text'
        ? renderClipped(text)
        : text;
    return i === 0 ? html`<th scope="row" class=${c.kind}>${content}</th>` : html`<td class=${c.kind}>${content}</td>`;
  };
  return html`<section class="table-section">
    <div class="section-head">
      <h3>${p.title}</h3>
      <button class="button export" aria-label=${tr.t('history.exportLabel', { table: p.title })} @click=${() => exportTable(p.title, p.columns, p.rows)}>
        ${tr.t('history.export')}
      </button>
    </div>
    <div part="table" class="table-wrap">
      <table role="grid" aria-readonly="true">
        <caption class="visually-hidden">${p.title}</caption>
        <thead><tr>${p.columns.map(header)}</tr></thead>
        <tbody>${p.rows.map((r) => html`<tr part="row">${p.columns.map((c, i) => cell(c, r, i))}</tr>`)}</tbody>
      </table>
      ${p.rows.length === 0 ? html`<p class="empty">${tr.t('history.noData')}</p>` : nothing}
    </div>
  </section>`;
}
