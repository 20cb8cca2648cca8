import { html, nothing } from 'lit';
import type { DirectoryChange } from '../../contract/admin.js';
import { formatDateTime } from '../core/format.js';
import type { DirectoryAdminTranslator } from './i18n/index.js';
import { SPECS, type RecordKind } from './sections.js';

/** An ISO instant from the server as the viewer reads it; one the browser cannot read is shown as sent. */
export function formatInstant(iso: string, lang: string, timeZone: string | undefined): string {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? iso : formatDateTime(at, lang, timeZone);
}

const shown = (value: unknown) => (value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value));

/** The fields a change touched, each as `field: value` on its side: unchanged fields would hide what changed. */
function changed(before: Record<string, unknown> | null, after: Record<string, unknown> | null): string[] {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  return keys.filter((k) => shown(before?.[k]) !== shown(after?.[k]));
}

function side(values: Record<string, unknown> | null, keys: string[], tr: DirectoryAdminTranslator) {
  if (!values) return tr.t('admin.none');
  return html`<ul class="changes">
    ${keys.filter((k) => k in values).map((k) => html`<li><span class="muted">${k}:</span> ${shown(values[k])}</li>`)}
  </ul>`;
}

export interface AuditTableProps {
  tr: DirectoryAdminTranslator;
  entries: readonly DirectoryChange[];
  timeZone: string | undefined;
  /** Older entries can be loaded. */
  more: boolean;
  onMore(): void;
}

/** The audit trail of directory changes, newest first: a keyboard grid like the records. */
export function renderAuditTable(p: AuditTableProps) {
  const { tr } = p;
  if (p.entries.length === 0) return html`<p class="empty">${tr.t('admin.audit.empty')}</p>`;
  const section = (resource: string) => (Object.keys(SPECS) as RecordKind[]).find((k) => SPECS[k].one === resource);
  return html`<div part="table" class="table-wrap">
      <table role="grid" aria-readonly="true" data-kind="audit">
        <caption class="visually-hidden">${tr.t('admin.section.audit')}</caption>
        <thead>
          <tr>
            ${(['at', 'who', 'action', 'record', 'before', 'after'] as const).map((c) => html`<th scope="col">${tr.t(`admin.audit.${c}`)}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${p.entries.map((e) => {
            const keys = changed(e.before, e.after);
            return html`<tr part="row" data-id=${String(e.id)}>
              <th scope="row"><time datetime=${e.at}>${formatInstant(e.at, tr.lang, p.timeZone)}</time></th>
              <td>${e.actor.name}</td>
              <td>${tr.t(`admin.audit.action.${e.action}`)}</td>
              <td>${section(e.resource) ? tr.t(`admin.section.${section(e.resource)!}`) : e.resource}: ${e.resourceId}</td>
              <td>${side(e.before, keys, tr)}</td>
              <td>${side(e.after, keys, tr)}</td>
            </tr>`;
          })}
        </tbody>
      </table>
    </div>
    ${p.more ? html`<button class="button more" @click=${p.onMore}>${tr.t('admin.audit.more')}</button>` : nothing}`;
}
