import type { ReactiveControllerHost } from 'lit';
import { asApiError, type FloorviewApiError, type ApiTarget } from '../core/api.js';
import type { DirectoryChange } from '../../contract/admin.js';
import { ADMIN_API, listAudit } from './admin-api.js';
import type { DirectoryRecord } from './record-draft.js';
import type { RecordKind, SectionName } from './sections.js';

interface Loaded<T> {
  items: T[];
  error: FloorviewApiError | null;
  loading: boolean;
}

/**
 * The directory as the admin API has it, a section at a time: a section is fetched when it
 * is first shown and again after every change the widget makes to it (the server's answer is
 * the truth: it may have added defaults, or another admin may have changed the record). The
 * queues are always loaded: every section names them.
 */
export class DirectoryStore {
  private readonly sections = new Map<SectionName, Loaded<DirectoryRecord | DirectoryChange>>();
  private readonly pending = new Map<SectionName, AbortController>();
  /** Where the next (older) page of the audit trail starts; null: none. */
  auditBefore: number | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly target: () => ApiTarget,
  ) {}

  records(kind: RecordKind): readonly DirectoryRecord[] {
    return (this.sections.get(kind)?.items ?? []) as DirectoryRecord[];
  }

  audit(): readonly DirectoryChange[] {
    return (this.sections.get('audit')?.items ?? []) as DirectoryChange[];
  }

  state(section: SectionName): { loaded: boolean; loading: boolean; error: FloorviewApiError | null } {
    const s = this.sections.get(section);
    return { loaded: Boolean(s && !s.loading && !s.error), loading: s?.loading ?? false, error: s?.error ?? null };
  }

  /** Fetches the section again (a fetch of it still under way is dropped: the newer answer wins). */
  async load(section: SectionName): Promise<void> {
    this.pending.get(section)?.abort();
    const abort = new AbortController();
    this.pending.set(section, abort);
    const before = this.sections.get(section);
    this.sections.set(section, { items: before?.items ?? [], error: null, loading: true });
    this.host.requestUpdate();
    try {
      let items: (DirectoryRecord | DirectoryChange)[];
      if (section === 'audit') {
        const page = await listAudit(this.target(), undefined, abort.signal);
        items = page.entries;
        this.auditBefore = page.nextBefore;
      } else {
        items = await ADMIN_API[section].list(this.target(), abort.signal);
      }
      this.sections.set(section, { items, error: null, loading: false });
    } catch (err) {
      if (abort.signal.aborted) return;
      this.sections.set(section, { items: before?.items ?? [], error: asApiError(err), loading: false });
    } finally {
      if (this.pending.get(section) === abort) this.pending.delete(section);
      this.host.requestUpdate();
    }
  }

  /** The next (older) page of the audit trail, below the entries shown. */
  async loadOlderAudit(): Promise<void> {
    const shown = this.audit();
    if (this.auditBefore === null) return;
    try {
      const page = await listAudit(this.target(), this.auditBefore);
      this.sections.set('audit', { items: [...shown, ...page.entries], error: null, loading: false });
      this.auditBefore = page.nextBefore;
    } catch (err) {
      this.sections.set('audit', { items: [...shown], error: asApiError(err), loading: false });
    }
    this.host.requestUpdate();
  }

  /** Everything fetched again: after signing in, or when the credentials changed. */
  reset(): void {
    for (const abort of this.pending.values()) abort.abort();
    this.pending.clear();
    this.sections.clear();
    this.host.requestUpdate();
  }
}
