import { html, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { Alert, HandAnswer } from '../../../contract/alerts.js';
import { api, type ApiTarget, type FloorviewApiError } from '../../core/api.js';
import { translator, type Lang } from '../../core/i18n/index.js';
import type { FloorChange } from '../../core/stream.js';
import { handCatalogs } from './hand-i18n.js';

/**
 * The agent's raised hand (`/agents/:id/hand`): fetched when it joins the desk and after every
 * snapshot, then followed on the stream, where a supervisor's acknowledgement arrives. Loaded
 * with the desk's first frame, so the desk's own bundle does not carry it.
 */
export class RaisedHand implements ReactiveController {
  alert: Alert | null = null;
  private busy = false;
  private loading: AbortController | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly target: () => ApiTarget,
    private readonly agentId: () => string | null,
    private readonly failed: (e: FloorviewApiError) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    void this.load();
  }

  hostDisconnected(): void {
    this.loading?.abort();
    this.loading = null;
  }

  observe(change: FloorChange): void {
    if (change.snapshot) return void this.load();
    const mine = (change.alerts ?? []).filter((a) => a.rule === 'raisedHand' && a.agentId === this.agentId());
    if (mine.length === 0) return;
    for (const a of mine) this.alert = a.clearedAt === null ? a : this.alert?.id === a.id ? null : this.alert;
    this.host.requestUpdate();
  }

  render(lang: Lang) {
    const tr = translator(lang, handCatalogs);
    const a = this.alert;
    return html`<section part="hand" class="hand" aria-label=${tr.t('hand.title')}>
      ${a
        ? html`<p class="hand-status" role="status">
              ${a.acknowledged ? tr.t('hand.acknowledged', { name: a.acknowledged.supervisorName }) : tr.t('hand.waiting')}
            </p>
            <button type="button" class="button" ?disabled=${this.busy} @click=${() => void this.send((target, id) => api(target, 'DELETE /agents/{id}/hand', { params: { id } }))}>${tr.t('hand.lower')}</button>`
        : html`<form class="hand-form" @submit=${(e: SubmitEvent) => this.submit(e)}>
            <input name="note" class="input" maxlength="200" autocomplete="off" aria-label=${tr.t('hand.note')} placeholder=${tr.t('hand.note')} />
            <button type="submit" class="button primary" ?disabled=${this.busy}>${tr.t('hand.raise')}</button>
          </form>`}
    </section>`;
  }

  private submit(e: SubmitEvent): void {
    e.preventDefault();
    const note = (new FormData(e.target as HTMLFormElement).get('note') as string).trim();
    void this.send((target, id) => api(target, 'POST /agents/{id}/hand', { params: { id }, body: note ? { note } : {} }));
  }

  private async send(call: (target: ApiTarget, agentId: string) => Promise<HandAnswer>): Promise<void> {
    const agentId = this.agentId();
    if (!agentId || this.busy) return;
    this.busy = true;
    this.host.requestUpdate();
    try {
      const { alert } = await call(this.target(), agentId);
      this.alert = alert?.clearedAt === null ? alert : null;
    } catch (err) {
      this.failed(err as FloorviewApiError);
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
  }

  private async load(): Promise<void> {
    const agentId = this.agentId();
    if (!agentId) return;
    this.loading?.abort();
    const abort = (this.loading = new AbortController());
    try {
      const { alert } = await api(this.target(), 'GET /agents/{id}/hand', { params: { id: agentId }, signal: abort.signal });
      if (this.loading !== abort) return;
      this.alert = alert;
      this.host.requestUpdate();
    } catch {
      // The next snapshot asks again.
    } finally {
      if (this.loading === abort) this.loading = null;
    }
  }
}
