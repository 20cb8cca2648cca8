import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Alert } from '../../../contract/alerts.js';
import { api, type ApiTarget } from '../api.js';
import { CoalescedFetch } from '../coalesced-fetch.js';
import type { FloorChange } from '../stream.js';

/**
 * The open alerts of the viewer's scope: fetched (`GET /alerts`) when it joins its host and after
 * every snapshot (items may have been missed), then kept current from the stream's `alerts`
 * items — raised ones added, cleared ones removed, acknowledgements applied. `raised` holds
 * the alerts raised since the widget showed the list, newest first, for its toast.
 */
export class AlertList implements ReactiveController {
  private readonly byId = new Map<number, Alert>();
  private readonly fetcher: CoalescedFetch;
  /** Raised while this widget watched, not yet dismissed: what its toast says. */
  raised: Alert[] = [];

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly target: () => ApiTarget,
    /** Each alert raised while the widget watches (a browser notification). */
    private readonly onRaised: (alert: Alert) => void = () => {},
  ) {
    this.fetcher = new CoalescedFetch(host, (signal) => this.fetchOpen(signal));
    host.addController(this);
  }

  hostDisconnected(): void {
    this.fetcher.abort();
  }

  /** Back on the page: what it holds is as old as its absence. */
  hostConnected(): void {
    this.fetcher.run();
  }

  /** Newest first. */
  get open(): Alert[] {
    return [...this.byId.values()].sort((a, b) => b.id - a.id);
  }

  observe(change: FloorChange): void {
    if (change.snapshot) return this.fetcher.run();
    const items = change.alerts ?? [];
    if (items.length === 0) return;
    if (this.fetcher.busy) return this.fetcher.run();
    for (const a of items) {
      if (a.clearedAt === null && !this.byId.has(a.id)) {
        this.raised.unshift(a);
        this.onRaised(a);
      }
      this.upsert(a);
    }
    this.host.requestUpdate();
  }

  dismiss(): void {
    this.raised = [];
    this.host.requestUpdate();
  }

  /** Acknowledges for every supervisor; the answer (and the stream) updates the list. */
  async acknowledge(id: number): Promise<void> {
    const { alert } = await api(this.target(), 'POST /alerts/{id}/ack', { params: { id: String(id) } });
    this.upsert(alert);
    this.host.requestUpdate();
  }

  private upsert(a: Alert): void {
    if (a.clearedAt === null) this.byId.set(a.id, a);
    else this.byId.delete(a.id);
    if (a.clearedAt !== null || a.acknowledged) this.raised = this.raised.filter((r) => r.id !== a.id);
  }

  private async fetchOpen(signal: AbortSignal): Promise<void> {
    const { alerts } = await api(this.target(), 'GET /alerts', { signal });
    if (signal.aborted) return;
    this.byId.clear();
    for (const a of alerts) this.byId.set(a.id, a);
    this.raised = this.raised.filter((r) => this.byId.has(r.id) && !this.byId.get(r.id)!.acknowledged);
  }
}
