import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { formatNumber, formatPercent } from '../core/format.js';
import type { WrapupReportsTranslator } from './i18n/index.js';
import type { FilterOptions } from '../history-common/history-toolbar.js';
import type { Report } from '../../contract/reports.js';

export interface ListProps {
  tr: WrapupReportsTranslator;
  reports: readonly Report[];
  names: FilterOptions;
  timeZone: string | undefined;
  onDownload(report: Report): void;
  onDelete(report: Report): void;
}

const isDay = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s);
const day = (s: string) => (isDay(s) ? s : s.slice(0, 16).replace('T', ' '));

/** `2026-03-01 – 2026-03-07`, or the one day: how a report is named in the list and in messages. */
export function rangeLabel(r: Report): string {
  const [from, to] = [day(r.request.from), day(r.request.to)];
  return from === to ? from : `${from} – ${to}`;
}

const dateTimes = new Map<string, Intl.DateTimeFormat>();
function created(at: string, lang: string, timeZone: string | undefined): string {
  const key = `${lang}|${timeZone ?? ''}`;
  let f = dateTimes.get(key);
  if (!f) dateTimes.set(key, (f = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short', ...(timeZone ? { timeZone } : {}) })));
  return f.format(Date.parse(at));
}

function filters(r: Report, names: FilterOptions, tr: WrapupReportsTranslator): string {
  const named = (ids: string[], list: readonly { id: string; name: string }[]) => ids.map((id) => list.find((x) => x.id === id)?.name ?? id).join(', ');
  const parts = [
    r.request.queue.length > 0 ? tr.t('reports.queues', { names: named(r.request.queue, names.queues) }) : '',
    r.request.agent.length > 0 ? tr.t('reports.agents', { names: named(r.request.agent, names.agents) }) : '',
    r.request.location ? tr.t('reports.location', { name: r.request.location }) : '',
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(' · ') : tr.t('reports.allFilters');
}

/** The failure in the viewer's language when it is one we know; the server's words otherwise (a scope change names the queue). */
export function failure(r: Report, tr: WrapupReportsTranslator): string {
  const code = r.error?.code;
  return code === 'interrupted' || code === 'internal' ? tr.t(`reports.error.${code}`) : (r.error?.message ?? '');
}

function status(r: Report, tr: WrapupReportsTranslator) {
  const label = rangeLabel(r);
  switch (r.status) {
    case 'generating': {
      const percent = formatPercent(r.progress, tr.lang);
      return html`<span class="badge generating">${tr.t('reports.status.generating', { percent })}</span>
        <progress part="progress" max="1" .value=${r.progress} aria-label=${tr.t('reports.progressLabel', { range: label })}></progress>`;
    }
    case 'failed':
      return html`<span class="badge failed">${tr.t('reports.status.failed')}</span>
        <p class="failure">${failure(r, tr)}</p>`;
    default:
      return html`<span class="badge ${r.status}">${tr.t(`reports.status.${r.status}`)}</span>`;
  }
}

function rows(r: Report, tr: WrapupReportsTranslator): string {
  if (r.status === 'ready') return formatNumber(r.rowCount, tr.lang);
  if (r.status === 'generating' && r.expectedRows !== null) {
    return tr.t('reports.rowsOf', { count: formatNumber(r.rowCount, tr.lang), total: formatNumber(r.expectedRows, tr.lang) });
  }
  return '—';
}

/** The reports as a table (`part="table"`, a row per report `part="row"`), newest first. */
export function renderReportList(p: ListProps) {
  const { tr } = p;
  return html`<div part="table" class="table-wrap">
    <table>
      <caption class="visually-hidden">${tr.t('reports.caption')}</caption>
      <thead>
        <tr>
          <th scope="col" class="text">${tr.t('reports.created')}</th>
          <th scope="col" class="text">${tr.t('reports.range')}</th>
          <th scope="col" class="text">${tr.t('reports.filters')}</th>
          <th scope="col" class="text">${tr.t('reports.status')}</th>
          <th scope="col">${tr.t('reports.rows')}</th>
          <th scope="col"><span class="visually-hidden">${tr.t('reports.actions')}</span></th>
        </tr>
      </thead>
      <tbody>
        ${repeat(
          p.reports,
          (r) => r.id,
          (r) => html`<tr part="row" class="report ${r.status}" data-report=${r.id}>
            <th scope="row" class="text">${created(r.createdAt, tr.lang, p.timeZone)}</th>
            <td class="text">
              ${rangeLabel(r)} <span class="muted">${r.request.tz}</span>
              ${r.request.timeFrom || r.request.timeTo
                ? html`<span class="muted">· ${tr.t('reports.window', { from: r.request.timeFrom ?? '00:00', to: r.request.timeTo ?? '24:00' })}</span>`
                : nothing}
            </td>
            <td class="text filters">${filters(r, p.names, tr)}</td>
            <td class="text status-cell">${status(r, tr)}</td>
            <td>${rows(r, tr)}</td>
            <td>
              <div class="actions">
              ${r.status === 'ready'
                ? html`<button part="download-button" class="button primary" aria-label=${tr.t('reports.downloadLabel', { file: r.fileName })} @click=${() => p.onDownload(r)}>
                    ${tr.t('reports.download')}
                  </button>`
                : nothing}
              <button part="delete-button" class="button" aria-label=${tr.t('reports.deleteLabel', { range: rangeLabel(r) })} @click=${() => p.onDelete(r)}>
                ${tr.t('reports.delete')}
              </button>
              </div>
            </td>
          </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}
