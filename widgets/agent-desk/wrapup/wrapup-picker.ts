import { html, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { localName } from '../../../common/local-name.js';
import type { WrapupReason } from '../../../contract/wrapup.js';
import { api, type ApiTarget, type FloorviewApiError } from '../../core/api.js';
import { translator, type Lang } from '../../core/i18n/index.js';
import { wrapupCatalogs } from './wrapup-i18n.js';

/**
 * While the agent is in wrap-up, the directory's wrap-up reasons to choose from: choosing one
 * completes the wrap-up (`POST /agents/:id/wrapup`), for platforms that collect no reason (Asterisk).
 * The desk leaves wrap-up when the event comes back on the stream, not when the request returns.
 * Loaded the first time the agent is in wrap-up, so the desk's own bundle does not carry it.
 */
export class WrapupPicker implements ReactiveController {
  private reasons: WrapupReason[] | null = null;
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

  render(lang: Lang) {
    const tr = translator(lang, wrapupCatalogs);
    const reasons = this.reasons;
    if (reasons === null) return html``;
    return html`<section part="wrapup" class="wrapup" aria-labelledby="wrapup-title">
      <h3 id="wrapup-title">${tr.t('wrapup.title')}</h3>
      ${reasons.length === 0
        ? html`<p>${tr.t('wrapup.none')}</p>`
        : html`<p id="wrapup-prompt">${tr.t('wrapup.prompt')}</p>
            <form @submit=${(e: SubmitEvent) => this.submit(e)}>
              <select name="reasonId" class="field" required aria-labelledby="wrapup-title" aria-describedby="wrapup-prompt">
                <option value="" selected disabled>${tr.t('wrapup.choose')}</option>
                ${reasons.map((r) => html`<option value=${r.id}>${localName(r.name, r.names, lang)}</option>`)}
              </select>
              <button type="submit" class="button primary" ?disabled=${this.busy}>${tr.t('wrapup.complete')}</button>
            </form>`}
    </section>`;
  }

  private submit(e: SubmitEvent): void {
    e.preventDefault();
    const agentId = this.agentId();
    const reasonId = new FormData(e.target as HTMLFormElement).get('reasonId') as string | null;
    if (!agentId || !reasonId || this.busy) return;
    this.busy = true;
    this.host.requestUpdate();
    api(this.target(), 'POST /agents/{id}/wrapup', { params: { id: agentId }, body: { reasonId } })
      .catch((err: FloorviewApiError) => this.failed(err))
      .finally(() => {
        this.busy = false;
        this.host.requestUpdate();
      });
  }

  private async load(): Promise<void> {
    const agentId = this.agentId();
    if (!agentId || this.reasons !== null) return;
    this.loading?.abort();
    const abort = (this.loading = new AbortController());
    try {
      const { wrapupReasons } = await api(this.target(), 'GET /agents/{id}/wrapup-reasons', { params: { id: agentId }, signal: abort.signal });
      if (this.loading !== abort) return;
      this.reasons = wrapupReasons;
      this.host.requestUpdate();
    } catch (err) {
      if (!abort.signal.aborted) this.failed(err as FloorviewApiError);
    } finally {
      if (this.loading === abort) this.loading = null;
    }
  }
}
