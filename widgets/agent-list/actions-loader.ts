import { html, nothing } from 'lit';
import { addStyles } from '../core/add-styles.js';
import { FvErrorEvent } from '../core/events.js';
import type { FloorChange } from '../core/stream.js';
import type { ActionsContext, ActionsHost, AgentActions } from './agent-actions.js';
import type { AgentCommand } from './agent-commands.js';
import type { PendingCommand } from './pending-commands.js';

type ActionsModule = typeof import('./agent-actions.js');

let actionsModule: Promise<ActionsModule> | null = null;
/** Fetched once per page; a failed fetch is forgotten, so the next attempt asks again. */
const loadActions = () =>
  (actionsModule ??= import('./agent-actions.js').catch((err: unknown) => {
    actionsModule = null;
    throw err;
  }));

const NONE: readonly PendingCommand[] = [];

/**
 * The list's side of the supervisor's actions: what the rows, the banner
 * (`part="alert"`) and the polite live region show. The menu, the dialogs and
 * the commands (agent-actions.ts) are a separate chunk that only a supervisor
 * needs: a read-only list (a display token, a wallboard) never fetches it, and
 * a supervisor's list fetches it as soon as it knows it may act (`preload`), so
 * the first menu opens without waiting.
 */
export class ActionsLoader {
  private actions: AgentActions | null = null;
  private preloaded = false;
  private alert = '';
  private announcement = '';

  constructor(
    private readonly host: ActionsHost,
    private readonly ctx: ActionsContext,
  ) {}

  /** Fetches the actions in the background, once (a click tries again); cheap to call on every update. */
  preload(): void {
    if (this.preloaded) return;
    this.preloaded = true;
    void this.load(false);
  }

  /** Commands in flight for the agent's row. */
  pending(agentId: string): readonly PendingCommand[] {
    return this.actions?.pending.of(agentId) ?? NONE;
  }

  /** The agent whose menu is open. */
  get menuOpenFor(): string | null {
    return this.actions?.menu.agentId ?? null;
  }

  async openMenu(agentId: string): Promise<void> {
    const actions = this.actions ?? (await this.load(true));
    await actions?.menu.open(agentId);
  }

  /** Sends a command from outside the menu (an alert's "Monitor"), loading the actions first if need be. */
  async command(agentId: string, command: AgentCommand): Promise<void> {
    const actions = this.actions ?? (await this.load(true));
    await actions?.command(agentId, command);
  }

  /** Settles the commands a frame confirms. */
  observe(change: FloorChange): void {
    this.actions?.observe(change);
  }

  /** Tells the supervisor about commands left unconfirmed too long (called every tick). */
  expire(now: number): void {
    this.actions?.expire(now);
  }

  /** The banner above the table: a refused or unconfirmed command. */
  renderAlert() {
    if (!this.alert) return nothing;
    return html`<div part="alert" class="alert" role="alert">
      <p>${this.alert}</p>
      <button class="icon-button" aria-label=${this.ctx.tr().t('error.dismiss')} @click=${this.dismiss}>×</button>
    </div>`;
  }

  /** The menu and dialogs (in the top layer when open) and the live region, there from the start so it is heard. */
  renderOverlays() {
    return html`${this.actions?.render() ?? nothing}
      <div class="visually-hidden" aria-live="polite">${this.announcement}</div>`;
  }

  private readonly dismiss = () => {
    this.alert = '';
    this.host.requestUpdate();
  };

  /** The actions once loaded; when the chunk cannot be fetched, null — and, if the supervisor asked (`report`), said so. */
  private async load(report: boolean): Promise<AgentActions | null> {
    try {
      const { AgentActions, actionsStyles } = await loadActions();
      addStyles(this.host.renderRoot, ...actionsStyles);
      this.actions ??= new AgentActions(this.host, {
        ...this.ctx,
        alert: (message) => {
          this.alert = message;
        },
        announce: (message) => {
          this.announcement = message;
        },
      });
      return this.actions;
    } catch {
      if (report) {
        const message = this.ctx.tr().t('error.network');
        this.alert = message;
        this.host.dispatchEvent(new FvErrorEvent('network_error', message));
        this.host.requestUpdate();
      }
      return null;
    }
  }
}
