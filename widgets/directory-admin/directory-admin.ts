import { Task } from '@lit/task';
import { html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { asApiError, credentialKey, hasBearer } from '../core/api.js';
import { FvErrorEvent } from '../core/events.js';
import { FloorviewElement } from '../core/floorview-element.js';
import { fetchViewer } from '../core/session.js';
import { SignInLoader } from '../core/sign-in-loader.js';
import { renderTokenRefusal } from '../core/token-refusal.js';
import { controlStyles, themeStyles } from '../core/theme.styles.js';
import { GridNavigation } from '../history-common/grid-navigation.js';
import { renderAuditTable } from './audit-table.js';
import { directoryAdminStyles } from './directory-admin.styles.js';
import { DirectoryStore } from './directory-store.js';
import { FvDirectoryChangeEvent } from './events.js';
import { directoryAdminCatalogs, type DirectoryAdminTranslator } from './i18n/index.js';
import { RecordEditor } from './record-editor.js';
import { recordName, renderRecordTable } from './record-table.js';
import { SECTIONS, SPECS, type SectionName } from './sections.js';

/**
 * @summary Directory administration (issue 12): the queues (with their service-level and
 * short-abandon thresholds), agents (their queue assignment and member interfaces),
 * supervisors (their queue scope, the admin role), wrap-up reasons, integration keys and
 * display tokens, each created, edited and retired in a dialog, queues chosen with
 * checkboxes; a new key's or token's secret shown once; and the audit trail of every change.
 * Changes take effect at once for everyone (a supervisor's open agent list follows their
 * new scope). Admins only: anyone else is told so.
 *
 * @attr token - An admin supervisor's bearer token (or set `tokenProvider`); default: the session cookie (with a sign-in form when there is none).
 * @attr lang - `en`, `zh-CN` or a registered language; default: the enclosing `fv-provider`, else the page's `lang`.
 * @attr time-zone - IANA zone of the audit trail's times; default: the browser's.
 * @attr section - The section shown first: `queues` (default), `agents`, `supervisors`, `wrapupReasons`, `integrationKeys`, `displayTokens` or `audit`.
 *
 * @fires {FvDirectoryChangeEvent} fv-directory-change - The admin created, changed or retired a record; `kind`, `id`, `action`.
 * @fires {FvErrorEvent} fv-error - A change was refused or failed; `code`, `message` (as shown).
 *
 * @csspart base - The widget's box.
 * @csspart header - Title and the section tabs.
 * @csspart tab - A section's tab.
 * @csspart create-button - Opens the form for a new record of the section.
 * @csspart table - A section's table.
 * @csspart row - One record, or one audited change.
 * @csspart edit-button - Opens a record's form.
 * @csspart retire-button - Asks to retire a record (revoke a key or token).
 * @csspart dialog - The form, retirement and secret dialogs.
 * @csspart confirm-button - Retires (revokes) in the dialog.
 * @csspart secret - A new secret, shown once.
 * @csspart copy-button - Copies the secret.
 * @csspart alert - Not an admin, or a section that could not be loaded.
 * @csspart sign-in - The sign-in form shown without credentials.
 *
 * @cssproperty --table-max-height - Height after which a section's table scrolls. Default: 32rem.
 */
export class FvDirectoryAdmin extends FloorviewElement {
  static override styles = [themeStyles, controlStyles, directoryAdminStyles];

  @property() accessor section: SectionName = 'queues';

  private readonly viewer = new Task(this, {
    task: (_, { signal }) => fetchViewer(this.target, signal),
    args: () => [this.target.api, credentialKey(this.target)] as const,
  });
  private readonly signIn = new SignInLoader(this, () => this.target.api, () => void this.viewer.run(), () => import('../core/sign-in.js'));
  private readonly store = new DirectoryStore(this, () => this.target);
  private readonly editor = new RecordEditor(this, {
    target: () => this.target,
    tr: () => this.i18n,
    changed: (kind, id, action, name) => {
      this.announcement = this.i18n.t(action === 'create' ? 'admin.created' : action === 'update' ? 'admin.saved' : SPECS[kind].secret ? 'admin.revoked' : 'admin.retired', { name });
      void this.store.load(kind);
      // A retired queue leaves the others' checkboxes and columns; the trail has a new entry.
      if (kind === 'queues' && this.shown !== 'queues') void this.store.load('queues');
      void this.store.load('audit');
      this.dispatchEvent(new FvDirectoryChangeEvent(kind, id, action));
    },
    failed: (error, shown) => this.dispatchEvent(new FvErrorEvent(error.code, shown)),
    fallbackFocus: () => this.renderRoot.querySelector<HTMLElement>('[part=create-button], [role=tab][aria-selected=true]'),
  });
  private announcement = '';
  private loadedFor = '';

  constructor() {
    super();
    new GridNavigation(this);
  }

  private get i18n(): DirectoryAdminTranslator {
    return this.translatorFor(directoryAdminCatalogs);
  }

  /** The section shown: the attribute's, when it names one. */
  private get shown(): SectionName {
    return SECTIONS.includes(this.section) ? this.section : 'queues';
  }

  private get isAdmin(): boolean {
    const v = this.viewer.value;
    return v?.kind === 'supervisor' && v.isAdmin;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // Signed in as an admin (again, or as someone else): the sections are fetched afresh.
    const who = this.isAdmin ? `${this.target.api}|${this.viewer.value?.id}` : '';
    if (who !== this.loadedFor) {
      this.loadedFor = who;
      this.store.reset();
    }
    if (!who) return;
    for (const section of new Set<SectionName>(['queues', this.shown])) {
      const s = this.store.state(section);
      if (!s.loaded && !s.loading && !s.error) void this.store.load(section);
    }
  }

  private select(section: SectionName, focus = false): void {
    this.section = section;
    if (focus) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${section}`)?.focus());
  }

  /** The WAI-ARIA tabs pattern: one tab in the Tab order, arrows, Home and End move and show. */
  private readonly onTabKey = (e: KeyboardEvent) => {
    const at = SECTIONS.indexOf(this.shown);
    const to = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: SECTIONS.length - 1 }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    this.select(SECTIONS[(to + SECTIONS.length) % SECTIONS.length]!, true);
  };

  private queueChoices() {
    return this.store
      .records('queues')
      .filter((q) => !q['retiredAt'])
      .map((q) => ({ id: q.id, name: recordName(q) }));
  }

  protected override render() {
    const tr = this.i18n;
    return html`<div part="base" class="base ${this.themeClass}" lang=${tr.lang}>
      <div part="header" class="header">
        <h2 class="title">${tr.t('admin.title')}</h2>
        ${this.isAdmin ? this.renderTabs(tr) : nothing}
      </div>
      ${this.renderBody(tr)}
      ${this.editor.render(this.queueChoices())}
      <p class="visually-hidden" role="status">${this.announcement}</p>
    </div>`;
  }

  private renderTabs(tr: DirectoryAdminTranslator) {
    return html`<div class="tabs" role="tablist" aria-label=${tr.t('admin.sections')} @keydown=${this.onTabKey}>
      ${SECTIONS.map((s) => {
        const selected = s === this.shown;
        return html`<button
          part="tab"
          class="tab"
          role="tab"
          id=${`tab-${s}`}
          aria-selected=${selected ? 'true' : 'false'}
          aria-controls="panel"
          tabindex=${selected ? 0 : -1}
          @click=${() => this.select(s)}
        >
          ${tr.t(`admin.section.${s}`)}
        </button>`;
      })}
    </div>`;
  }

  private renderBody(tr: DirectoryAdminTranslator) {
    const viewer = this.viewer;
    if (viewer.error) {
      const error = asApiError(viewer.error);
      if (error.status === 401) return html`<div class="content">${renderTokenRefusal(tr, error.code)}</div>`;
      return html`<p part="alert" class="alert" role="alert">${error.status === 0 ? tr.t('error.network') : error.message}</p>`;
    }
    if (viewer.value === undefined) return html`<p class="empty" role="status">${tr.t('admin.loading')}</p>`;
    const v = viewer.value;
    if (v === null) return hasBearer(this.target) ? html`<div class="content">${renderTokenRefusal(tr, null)}</div>` : html`<div class="content">${this.signIn.render(tr)}</div>`;
    if (v.kind !== 'supervisor') return html`<p part="alert" class="alert" role="alert">${tr.t('admin.notSupervisor')}</p>`;
    if (!v.isAdmin) return html`<p part="alert" class="alert" role="alert">${tr.t('admin.notAdmin', { name: v.name ?? v.id })}</p>`;
    const section = this.shown;
    return html`<section id="panel" class="panel" role="tabpanel" aria-labelledby=${`tab-${section}`}>${this.renderSection(tr, section)}</section>`;
  }

  private renderSection(tr: DirectoryAdminTranslator, section: SectionName) {
    const { loaded, loading, error } = this.store.state(section);
    const toolbar =
      section === 'audit'
        ? nothing
        : html`<div class="section-bar">
            <button part="create-button" class="button primary" @click=${(e: Event) => this.editor.create(section, e.currentTarget as HTMLElement)}>
              ${tr.t(`admin.create.${section}`)}
            </button>
            ${loaded ? html`<span class="muted">${tr.tn('admin.count', this.store.records(section).length)}</span>` : nothing}
          </div>`;
    let content;
    if (error && error.status === 403) content = html`<p part="alert" class="alert" role="alert">${tr.t('admin.forbidden', { message: error.message })}</p>`;
    else if (error)
      content = html`<div part="alert" class="alert" role="alert">
        <p>${error.status === 0 ? tr.t('error.network') : error.message}</p>
        <button class="button" @click=${() => void this.store.load(section)}>${tr.t('admin.retry')}</button>
      </div>`;
    else if (!loaded && loading && (section === 'audit' ? this.store.audit() : this.store.records(section)).length === 0)
      content = html`<p class="empty" role="status">${tr.t('admin.loading')}</p>`;
    else if (section === 'audit')
      content = renderAuditTable({ tr, entries: this.store.audit(), timeZone: this.zone, more: this.store.auditBefore !== null, onMore: () => void this.store.loadOlderAudit() });
    else
      content = renderRecordTable({
        tr,
        spec: SPECS[section],
        records: this.store.records(section),
        queueName: (id) => {
          const q = this.store.records('queues').find((r) => r.id === id);
          return q ? recordName(q) : id;
        },
        timeZone: this.zone,
        onEdit: (record, opener) => this.editor.edit(section, record, opener),
        onRetire: (record, opener) => this.editor.retire(section, record, opener),
      });
    return html`${toolbar}${content}`;
  }
}
