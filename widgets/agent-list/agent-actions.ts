import { html, nothing, type ReactiveControllerHost } from 'lit';
import { refusalText } from '../core/refusals.js';
import { FloorviewApiError, type ApiTarget } from '../core/api.js';
import { FvErrorEvent } from '../core/events.js';
import { translator } from '../core/i18n/index.js';
import type { AgentListTranslator } from './i18n/index.js';
import { agentActionsCatalogs, type AgentActionsTranslator } from './i18n/actions.js';
import type { FloorChange, FloorStream } from '../core/stream.js';
import { ActionMenu } from './action-menu.js';
import { actionMenuStyles } from './action-menu.styles.js';
import { commandColumn, commandLabel, menuEntries, sendCommand, type AgentCommand, type MenuEntry } from './agent-commands.js';
import { AgentDialogs } from './agent-dialogs.js';
import { agentDialogStyles } from './agent-dialogs.styles.js';
import { FvAgentChatEvent } from './events.js';
import { PendingCommands, type PendingCommand } from './pending-commands.js';
import { renderQueueDialog } from './queue-dialog.js';
import { renderSignOutDialog } from './sign-out-dialog.js';
import { renderStateDialog } from './state-dialog.js';
import { StateReasons } from './state-reasons.js';

/** The menu's and the dialogs' look: it loads with them, not with the list's first paint. */
export const actionsStyles = [actionMenuStyles, agentDialogStyles];

/** How long an accepted command may wait for the platform's confirmation before the supervisor is told. */
const CONFIRM_TIMEOUT_MS = 20_000;

export type ActionsHost = ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

/** What the actions read from their list, always current. */
export interface ActionsContext {
  target(): ApiTarget;
  tr(): AgentListTranslator;
  floor(): FloorStream | null;
  viewerId(): string | null;
  queueName(queueId: string): string;
}

/** Where the actions tell the supervisor how a command went: the list's banner and its polite live region. */
export interface ActionsNotices {
  alert(message: string): void;
  announce(message: string): void;
}

/**
 * The supervisor's actions on agents (C3–C7): the row menu, the dialogs, the
 * commands in flight. A command is pending from the click until the stream
 * shows its effect; a refusal is shown in the server's words — in the banner
 * (`part="alert"`), or in the dialog that sent it — and fired as `fv-error`.
 * Progress is announced to screen readers. Loaded on demand (actions-loader.ts).
 */
export class AgentActions {
  readonly pending = new PendingCommands();
  readonly menu: ActionMenu;
  private readonly dialogs: AgentDialogs;
  private readonly stateReasons: StateReasons;

  constructor(
    private readonly host: ActionsHost,
    private readonly ctx: ActionsContext & ActionsNotices,
  ) {
    this.menu = new ActionMenu(host);
    this.stateReasons = new StateReasons(host, () => ctx.target());
    this.dialogs = new AgentDialogs(host, (agentId) => this.menu.trigger(agentId) ?? host.renderRoot.querySelector('.body'));
  }

  /** The list's language, with the strings of the actions (they load with this chunk). */
  private get tr(): AgentActionsTranslator {
    return translator(this.ctx.tr().lang, agentActionsCatalogs);
  }

  /** Settles the commands a frame confirms. */
  observe(change: FloorChange): void {
    const floor = this.ctx.floor();
    const viewerId = this.ctx.viewerId();
    if (!floor || !viewerId) return;
    for (const p of this.pending.settle(floor.agents, viewerId, change.snapshot ? undefined : change.agents)) this.confirmed(p);
  }

  /** Tells the supervisor about commands the platform has left unconfirmed too long (called every tick). */
  expire(now: number): void {
    for (const p of this.pending.expire(now, CONFIRM_TIMEOUT_MS)) {
      this.ctx.alert(this.tr.t('action.unconfirmed', { action: p.action, name: p.name }));
    }
  }

  /** The menu and the open dialog (in the top layer when open). */
  render() {
    const tr = this.tr;
    return html`${this.renderMenu(tr)} ${this.renderDialog(tr)}`;
  }

  private renderMenu(tr: AgentActionsTranslator) {
    const agentId = this.menu.agentId;
    const row = agentId ? this.ctx.floor()?.agents.get(agentId) : undefined;
    const viewerId = this.ctx.viewerId();
    if (!agentId || !row || !viewerId) return nothing;
    return this.menu.render(row, menuEntries(row, viewerId), tr, (entry) => this.choose(agentId, entry));
  }

  private choose(agentId: string, entry: MenuEntry): void {
    if ('dialog' in entry) {
      this.menu.close(false);
      void this.dialogs.open(entry.dialog, agentId);
      return;
    }
    this.menu.close(true);
    if ('chat' in entry) this.host.dispatchEvent(new FvAgentChatEvent(agentId));
    else void this.send(agentId, entry.command, true);
  }

  private renderDialog(tr: AgentActionsTranslator) {
    const d = this.dialogs;
    const { kind, agentId } = d;
    const row = agentId ? this.ctx.floor()?.agents.get(agentId) : undefined;
    if (!kind || !agentId || !row) return nothing;
    const close = () => d.close();
    const run = (command: AgentCommand, stayOpen = false) => d.run(() => this.send(agentId, command, false), tr, stayOpen);
    switch (kind) {
      case 'queues':
        return d.render(
          tr.t('queuesDialog.title', { name: row.name }),
          renderQueueDialog(row, {
            tr,
            queueName: this.ctx.queueName,
            pending: this.pending.of(agentId),
            toggle: (queueId, join) => void run({ kind: join ? 'join_queue' : 'leave_queue', queueId }, true),
            close,
          }),
        );
      case 'state':
        return d.render(
          tr.t('stateDialog.title', { name: row.name }),
          renderStateDialog(row, {
            tr,
            busy: d.busy,
            reasons: this.stateReasons.list(),
            submit: (state, reason) => void run(state === 'available' || !reason ? { kind: 'set_state', state } : { kind: 'set_state', state, reason }),
            close,
          }),
        );
      case 'sign-out':
        return d.render(
          tr.t('signOutDialog.title', { name: row.name }),
          renderSignOutDialog(row, { tr, busy: d.busy, confirm: () => void run({ kind: 'sign_out' }), close }),
        );
    }
  }

  /** Sends a command; a refusal goes to the banner (`toBanner`) or back to the dialog that sent it. */
  /** A command from outside the menu (an alert's "Monitor"): tracked on the row like the menu's, a refusal in the banner. */
  command(agentId: string, command: AgentCommand): Promise<FloorviewApiError | null> {
    return this.send(agentId, command, true);
  }

  private async send(agentId: string, command: AgentCommand, toBanner: boolean): Promise<FloorviewApiError | null> {
    const floor = this.ctx.floor();
    const row = floor?.agents.get(agentId);
    const viewerId = this.ctx.viewerId();
    if (!floor || !row || !viewerId) return null;
    const tr = this.tr;
    const label = commandLabel(command, row, viewerId);
    const action = tr.t(label.key, label.queueId ? { queue: this.ctx.queueName(label.queueId) } : undefined);
    const pending: PendingCommand = { agentId, command, column: commandColumn(command), action, name: row.name, acceptedAt: null };
    this.pending.add(pending);
    this.host.requestUpdate();
    try {
      await sendCommand(this.ctx.target(), agentId, command);
      pending.acceptedAt = Date.now();
      this.ctx.announce(tr.t('action.sent', { action, name: row.name }));
      // The confirmation may have come on the stream before the answer did.
      for (const p of this.pending.settle(floor.agents, viewerId, [agentId])) this.confirmed(p);
      return null;
    } catch (err) {
      this.pending.remove(pending);
      const error = err instanceof FloorviewApiError ? err : new FloorviewApiError(0, 'network_error', String(err));
      const message = error.status === 0 ? tr.t('error.network') : refusalText(tr.lang, error, row.name);
      if (toBanner) this.ctx.alert(tr.t('action.refused', { action, name: row.name, message }));
      this.host.dispatchEvent(new FvErrorEvent(error.code, message));
      return error;
    } finally {
      this.host.requestUpdate();
    }
  }

  private confirmed(p: PendingCommand): void {
    this.ctx.announce(this.tr.t('action.confirmed', { action: p.action, name: p.name }));
  }
}
