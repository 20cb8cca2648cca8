import { html, nothing } from 'lit';
import { collator, formatNumber } from '../core/format.js';
import { formatInstant } from './audit-table.js';
import type { DirectoryAdminKey, DirectoryAdminTranslator } from './i18n/index.js';
import type { DirectoryRecord } from './record-draft.js';
import type { SectionSpec } from './sections.js';

export interface RecordTableProps {
  tr: DirectoryAdminTranslator;
  spec: SectionSpec;
  records: readonly DirectoryRecord[];
  /** A queue's name by id (a queue not listed shows its id). */
  queueName(id: string): string;
  timeZone: string | undefined;
  onEdit(record: DirectoryRecord, opener: HTMLElement): void;
  onRetire(record: DirectoryRecord, opener: HTMLElement): void;
}

/** What a record is called in a label or a title: its name (a key's or token's label), else its id. */
export function recordName(record: DirectoryRecord): string {
  const name = record['name'] ?? record['label'];
  return typeof name === 'string' && name ? name : record.id;
}

/** When a record was retired (revoked); null while in use. */
const endedAt = (record: DirectoryRecord) => (record['retiredAt'] ?? record['revokedAt'] ?? null) as string | null;

/** A column's heading: the field's label, shorter where the form's label explains more. */
const HEADINGS: Partial<Record<string, DirectoryAdminKey>> = { isAdmin: 'admin.column.isAdmin', createdAt: 'admin.field.createdAt' };

function heading(spec: SectionSpec, column: string, tr: DirectoryAdminTranslator): string {
  const key = HEADINGS[column] ?? spec.fields.find((f) => f.name === column)?.label;
  return key ? tr.t(key) : column;
}

function cellText(p: RecordTableProps, column: string, value: unknown): string {
  const { tr } = p;
  const field = p.spec.fields.find((f) => f.name === column);
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) return tr.t('admin.none');
  if (field?.kind === 'queues' && Array.isArray(value)) return value.map((id) => p.queueName(String(id))).sort(collator(tr.lang).compare).join(', ');
  if (field?.kind === 'flag') return tr.t(value === true ? 'admin.yes' : 'admin.no');
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'number') return formatNumber(value, tr.lang);
  if (column === 'createdAt') return formatInstant(String(value), tr.lang, p.timeZone);
  return String(value);
}

function status(p: RecordTableProps, record: DirectoryRecord): string {
  const ended = endedAt(record);
  if (!ended) return p.tr.t('admin.status.active');
  return p.tr.t(p.spec.secret ? 'admin.status.revoked' : 'admin.status.retired', { date: formatInstant(ended, p.tr.lang, p.timeZone) });
}

/**
 * One kind of record as a keyboard grid (one Tab stop, arrows inside: GridNavigation): its
 * columns, its status, then an Edit and a Retire (Revoke) button in cells of their own, so the
 * arrows reach each. Records in use come first, by name; retired ones after, with no actions
 * (the API keeps them for history, and refuses to change them).
 */
export function renderRecordTable(p: RecordTableProps) {
  const { tr, spec } = p;
  if (p.records.length === 0) return html`<p class="empty">${tr.t('admin.empty')}</p>`;
  const byName = collator(tr.lang);
  const sorted = [...p.records].sort((a, b) => Number(endedAt(a) !== null) - Number(endedAt(b) !== null) || byName.compare(recordName(a), recordName(b)));
  const retire = spec.secret ? 'admin.revoke' : 'admin.retire';
  return html`<div part="table" class="table-wrap">
    <table role="grid" aria-readonly="true" data-kind=${spec.kind}>
      <caption class="visually-hidden">${tr.t(`admin.section.${spec.kind}`)}</caption>
      <thead>
        <tr>
          ${spec.columns.map((c) => html`<th scope="col">${heading(spec, c, tr)}</th>`)}
          <th scope="col">${tr.t('admin.field.status')}</th>
          <th scope="col"><span class="visually-hidden">${tr.t('admin.edit')}</span></th>
          <th scope="col"><span class="visually-hidden">${tr.t(retire)}</span></th>
        </tr>
      </thead>
      <tbody>
        ${sorted.map((r) => {
          const name = recordName(r);
          const ended = endedAt(r) !== null;
          return html`<tr part="row" class=${ended ? 'retired' : ''} data-id=${r.id}>
            ${spec.columns.map((c, i) => {
              const text = cellText(p, c, r[c]);
              const content = html`<span class="clip" title=${text}>${text}</span>`;
              return i === 0 ? html`<th scope="row">${content}</th>` : html`<td>${content}</td>`;
            })}
            <td class="status">${status(p, r)}</td>
            <td class="action">
              ${ended
                ? nothing
                : html`<button class="button small" part="edit-button" aria-label=${tr.t('admin.editLabel', { name })} @click=${(e: Event) => p.onEdit(r, e.currentTarget as HTMLElement)}>
                    ${tr.t('admin.edit')}
                  </button>`}
            </td>
            <td class="action">
              ${ended
                ? nothing
                : html`<button
                    class="button small"
                    part="retire-button"
                    aria-label=${tr.t(spec.secret ? 'admin.revokeLabel' : 'admin.retireLabel', { name })}
                    @click=${(e: Event) => p.onRetire(r, e.currentTarget as HTMLElement)}
                  >
                    ${tr.t(retire)}
                  </button>`}
            </td>
          </tr>`;
        })}
      </tbody>
    </table>
  </div>`;
}
