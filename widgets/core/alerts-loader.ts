import { nothing, type ReactiveControllerHost } from 'lit';
import { addStyles } from './add-styles.js';
import type { ApiTarget } from './api.js';
import type { AlertList } from './alerts/alert-list.js';
import type { Lang } from './i18n/index.js';
import type { FloorChange } from './stream.js';

type AlertView = typeof import('./alerts/alert-view.js');

export interface AlertsOptions {
  target(): ApiTarget;
  lang(): Lang;
  timeZone(): string | undefined;
  /** Supervisors acknowledge (and monitor); a wallboard or a display token only shows. */
  canAcknowledge(): boolean;
  /** Offered beside an agent's alert where the widget can act on the agent. */
  monitor?: (agentId: string) => Promise<unknown>;
  /** The host asked for browser notifications (the `notify` attribute). */
  notify(): boolean;
}

/**
 * A widget's alerts: the list and its look load with the widget's first frame (a lazy chunk),
 * so a widget carries only this much before then. The count for the header, the open list
 * it toggles, the toast, and which queues and agents to mark.
 */
export class AlertsLoader {
  private view: AlertView | null = null;
  private list: AlertList | null = null;
  private requested = false;
  private shown = false;
  private error: string | null = null;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment },
    private readonly options: AlertsOptions,
  ) {}

  observe(change: FloorChange | null): void {
    if (!change) return;
    if (!this.requested) void this.load();
    this.list?.observe(change);
  }

  get queues(): ReadonlySet<string> {
    return new Set((this.list?.open ?? []).flatMap((a) => (a.queueId === null ? [] : [a.queueId])));
  }

  get agents(): ReadonlySet<string> {
    return new Set((this.list?.open ?? []).flatMap((a) => (a.agentId === null ? [] : [a.agentId])));
  }

  renderCount() {
    return this.view && this.list ? this.view.renderAlertCount(this.list.open, this.context()) : nothing;
  }

  /** The open list (when toggled open) and, unless `toast` is false (a wallboard), the toast of one just raised. */
  renderBody(toast = true) {
    if (!this.view || !this.list) return nothing;
    const ctx = this.context();
    return [this.view.renderAlertPanel(this.list.open, ctx), toast ? this.view.renderAlertToast(this.list.raised, ctx) : nothing];
  }

  private async load(): Promise<void> {
    this.requested = true;
    this.view = await import('./alerts/alert-view.js');
    addStyles(this.host.renderRoot, this.view.alertStyles);
    // Joining the host fetches the open alerts (a host no longer on the page fetches when it is back).
    const view = this.view;
    this.list = new view.AlertList(this.host, this.options.target, (alert) => {
      if (this.options.notify()) view.notify(alert, this.options.lang());
    });
  }

  private context() {
    const o = this.options;
    const act = (work: () => Promise<unknown>, agentName = '') => {
      this.error = null;
      this.host.requestUpdate();
      work().catch((err: unknown) => {
        this.error = this.view!.failedText(o.lang(), err, agentName);
        this.host.requestUpdate();
      });
    };
    const monitor = o.monitor;
    return {
      lang: o.lang(),
      timeZone: o.timeZone(),
      canAcknowledge: o.canAcknowledge(),
      open: this.shown,
      error: this.error,
      onToggle: () => {
        this.shown = !this.shown;
        this.host.requestUpdate();
      },
      onAcknowledge: (id: number) => act(() => this.list!.acknowledge(id)),
      onDismiss: () => this.list?.dismiss(),
      ...(monitor && o.canAcknowledge() ? { onMonitor: (agentId: string) => act(() => monitor(agentId)) } : {}),
    };
  }
}
