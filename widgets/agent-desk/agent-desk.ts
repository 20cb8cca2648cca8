import { localName } from '../../common/local-name.js';
import { Task } from '@lit/task';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { AgentSession } from '../../contract/auth.js';
import { renderAlert } from '../chat/alert.js';
import { ChatThread } from '../chat/chat-thread.js';
import { sendRefusal } from '../chat/thread-view.js';
import { panelStyles } from '../chat/panel.styles.js';
import { threadStyles } from '../chat/thread.styles.js';
import { credentialKey, hasBearer, type FloorviewApiError } from '../core/api.js';
import { addStyles } from '../core/add-styles.js';
import { ChatInbox } from '../core/chat-inbox.js';
import { ClockController } from '../core/clock.js';
import { renderConnectionStatus } from '../core/connection-status.js';
import { connectionStatusStyles } from '../core/connection-status.styles.js';
import { FvConnectionChangeEvent, FvErrorEvent } from '../core/events.js';
import { FloorviewElement } from '../core/floorview-element.js';
import { fetchViewer } from '../core/session.js';
import { tokenRefusalText } from '../core/token-refusal.js';
import { FloorStreamController } from '../core/stream-controller.js';
import type { ConnectionState } from '../core/stream.js';
import { controlStyles, themeStyles } from '../core/theme.styles.js';
import { agentDeskStyles } from './agent-desk.styles.js';
import type { RaisedHand } from './hand/raised-hand.js';
import type { WrapupPicker } from './wrapup/wrapup-picker.js';
import type { AgentSignIn } from './agent-sign-in.js';
import { renderTabs } from './conversation-tabs.js';
import { FvAgentSignedInEvent } from './events.js';
import { agentDeskCatalogs, type AgentDeskTranslator } from './i18n/index.js';
import { renderMonitorBanner, renderOwnState } from './own-state.js';

/**
 * @summary The agent's side (C3, C4): their own live state — state and time in
 * it, the contact and its duration, their queues — the wrap-up reason to choose
 * while in wrap-up (where the platform collects none), a raised hand to ask the
 * supervisors for help (and see it acknowledged), their chat with the
 * supervisors (a tab per supervisor, unread counts, the same thread as the
 * supervisor's chat panel), and a clear banner while a supervisor monitors,
 * coaches or barges in on their call: the visible counterpart of the tone.
 * Signs in with an agent desk token (`token`, issued to an integration by
 * `POST /agents/:id/desk-token`), or shows its own sign-in for agents with a
 * directory-file password.
 *
 * @attr token - An agent desk token (from `/agents/:id/desk-token` or `/auth/agent-login`); without one, a sign-in form.
 * @attr connection - Reflected, read-only: `connecting`, `live`, `reconnecting`, `offline`, `unauthenticated`.
 *
 * @fires {FvAgentSignedInEvent} fv-agent-signed-in - The agent signed in with the desk's form; `agentId`, `token`, `expiresAt` (a host may keep the token).
 * @fires {FvConnectionChangeEvent} fv-connection-change - The live connection changed; `state`.
 * @fires {FvErrorEvent} fv-error - Sending or loading failed; `code`, `message` (the server's).
 *
 * @csspart base - The widget's box.
 * @csspart header - The agent's name and the connection.
 * @csspart status - The connection indicator.
 * @csspart banner - Shown while a supervisor is on the call (class `monitor`, `coach` or `barge`).
 * @csspart state - The agent's state, contact and queues.
 * @csspart wrapup - While in wrap-up: the wrap-up reasons to choose from, and "Complete wrap-up".
 * @csspart hand - Raise a hand (with an optional line), or the raised hand's status and "Lower hand".
 * @csspart tabs - The supervisors' tabs.
 * @csspart tab - One supervisor's tab.
 * @csspart unread - A tab's unread count.
 * @csspart log - The scrolling message history (`role="log"`).
 * @csspart older-button - Loads earlier messages.
 * @csspart message - One message.
 * @csspart message-mine - The agent's own messages (also `message`).
 * @csspart message-theirs - The other side's messages (also `message`).
 * @csspart bubble - A message's text.
 * @csspart receipt - Delivered / read, under the agent's messages.
 * @csspart composer - The typing box and send button.
 * @csspart input - The text area.
 * @csspart send-button - The send button.
 * @csspart alert - A failed request's message.
 * @csspart sign-in - The agent sign-in form.
 *
 * @cssproperty --fv-chat-mine-bg - The agent's bubbles. Default: the accent colour.
 * @cssproperty --fv-chat-mine-text - Text in them. Default: the on-accent colour.
 */
export class FvAgentDesk extends FloorviewElement {
  static override styles = [themeStyles, controlStyles, connectionStatusStyles, panelStyles, threadStyles, agentDeskStyles];

  @property({ reflect: true }) accessor connection: ConnectionState = 'connecting';
  /** The supervisor whose conversation is open. */
  @state() private accessor supervisorId: string | null = null;

  private readonly clock = new ClockController(this);
  private readonly stream = new FloorStreamController(this, () => this.target, (change) => {
    if (!change) return;
    this.inbox.observe(change);
    this.thread.observe(change);
    this.hand?.observe(change);
  });
  /** The raised hand, loaded with the first frame of a signed-in agent. */
  private hand: RaisedHand | null = null;
  private handRequested = false;

  /** The wrap-up reasons to choose from, loaded the first time the agent is in wrap-up. */
  private wrapup: WrapupPicker | null = null;
  private wrapupRequested = false;

  private async loadWrapup(): Promise<void> {
    this.wrapupRequested = true;
    const { WrapupPicker } = await import('./wrapup/wrapup-picker.js');
    this.wrapup = new WrapupPicker(this, () => this.target, () => this.agentId, (e) => this.failed(e));
    this.requestUpdate();
  }

  private async loadHand(): Promise<void> {
    this.handRequested = true;
    const { RaisedHand } = await import('./hand/raised-hand.js');
    // Joining the desk fetches the hand (a desk no longer on the page fetches when it is back).
    this.hand = new RaisedHand(this, () => this.target, () => this.agentId, (e) => this.failed(e));
    this.requestUpdate();
  }
  private readonly viewer = new Task(this, {
    task: (_, { signal }) => fetchViewer(this.target, signal),
    args: () => [this.target.api, credentialKey(this.target)] as const,
  });
  private readonly inbox = new ChatInbox(this, () => this.target);
  private readonly thread = new ChatThread(this, { target: () => this.target, side: 'agent', failed: (e) => this.failed(e) });
  /** The sign-in form, loaded the first time the desk has to show it: a desk opened with a token never does. */
  private signIn: AgentSignIn | null = null;
  private signInRequested = false;

  private async loadSignIn(): Promise<void> {
    this.signInRequested = true;
    const { AgentSignIn, providerSignInStyles } = await import('./agent-sign-in.js');
    addStyles(this.renderRoot, providerSignInStyles);
    this.signIn = new AgentSignIn(this, () => this.target.api, (session) => this.signedIn(session));
    this.requestUpdate();
  }

  private renderSignIn(tr: AgentDeskTranslator, note: string) {
    if (!this.signInRequested) void this.loadSignIn();
    return this.signIn?.render(tr, note) ?? nothing;
  }
  private alert = '';

  /** The signed-in agent; null for any other credentials, or before `/auth/me` answered. */
  private get agentId(): string | null {
    const v = this.viewer.value;
    return v?.kind === 'agent' ? v.id : null;
  }


  protected override update(changed: PropertyValues<this>): void {
    const state = this.stream.floor?.state ?? 'connecting';
    if (this.connection === 'unauthenticated' && state === 'live') void this.viewer.run();
    this.connection = state;
    const agentId = this.agentId;
    // Here, not on a stream change: the agent may be known only after the floor's last change came.
    if (!this.handRequested && agentId && this.stream.floor) void this.loadHand();
    if (!this.wrapupRequested && agentId && this.stream.floor?.agents.get(agentId)?.contactState === 'wrapup') void this.loadWrapup();
    this.inbox.sync(agentId ? 'agent' : null);
    const open = this.inbox.conversations;
    if (!open.some((c) => c.supervisorId === this.supervisorId)) this.supervisorId = (open.find((c) => c.unread > 0) ?? open[0])?.supervisorId ?? null;
    this.thread.show(agentId && this.supervisorId ? { agentId, supervisorId: this.supervisorId } : null);
    super.update(changed);
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('connection')) this.dispatchEvent(new FvConnectionChangeEvent(this.connection));
  }

  private get i18n(): AgentDeskTranslator {
    return this.translatorFor(agentDeskCatalogs);
  }

  private signedIn(session: AgentSession): void {
    this.token = session.token;
    this.dispatchEvent(new FvAgentSignedInEvent(session.agent.id, session.token, session.expiresAt));
  }

  private failed(error: FloorviewApiError): void {
    this.alert = error.status === 0 ? this.i18n.t('error.network') : sendRefusal(error, this.i18n);
    this.dispatchEvent(new FvErrorEvent(error.code, this.alert));
    this.requestUpdate();
  }

  private readonly select = async (supervisorId: string, focus: boolean) => {
    this.supervisorId = supervisorId;
    if (!focus) return;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[role=tab][data-supervisor="${CSS.escape(supervisorId)}"]`)?.focus();
  };

  protected override render() {
    const tr = this.i18n;
    const floor = this.stream.floor;
    const agentId = this.agentId;
    const row = agentId ? floor?.agents.get(agentId) : undefined;
    return html`<div part="base" class="base ${this.themeClass}" lang=${tr.lang}>
      <div part="header" class="header">
        <h2>${row?.name ?? tr.t('desk.title')}</h2>
        ${renderConnectionStatus(floor, tr, this.zone)}
      </div>
      <div class="banner-slot" aria-live="assertive" aria-atomic="true">${renderMonitorBanner(row, tr)}</div>
      ${renderAlert(this.alert, tr.t('error.dismiss'), () => {
        this.alert = '';
        this.requestUpdate();
      })}
      ${this.renderBody(tr, agentId)}
    </div>`;
  }

  private renderBody(tr: AgentDeskTranslator, agentId: string | null) {
    const viewer = this.viewer.value;
    if (this.connection === 'unauthenticated') return this.renderSignIn(tr, hasBearer(this.target) ? tokenRefusalText(tr, this.stream.floor?.refusal) : '');
    if (viewer && !agentId) return this.renderSignIn(tr, tr.t('desk.signIn.notAgent'));
    if (!agentId) return html`<p class="placeholder">${tr.t('desk.loading')}</p>`;
    const floor = this.stream.floor;
    const row = floor?.agents.get(agentId);
    const open = this.inbox.conversations;
    const partner = open.find((c) => c.supervisorId === this.supervisorId);
    return html`${row
        ? renderOwnState(row, {
            tr,
            now: this.clock.now + (floor?.clockOffset ?? 0),
            queueName: (queueId) => {
              const q = floor?.queues.get(queueId);
              return q ? localName(q.queueName, q.queueNames, tr.lang) : queueId;
            },
          })
        : html`<p class="placeholder">${tr.t('desk.loading')}</p>`}
      ${row?.contactState === 'wrapup' ? (this.wrapup?.render(tr.lang) ?? nothing) : nothing}
      ${this.hand?.render(tr.lang) ?? nothing}
      <section class="chat" aria-label=${tr.t('desk.chat')}>
        ${renderTabs(open, this.supervisorId, tr, (id, focus) => void this.select(id, focus))}
        ${partner
          ? html`<div class="panel" role="tabpanel" id="chat-panel" aria-labelledby=${`tab-${partner.supervisorId}`}>
              ${this.thread.render(tr, partner.supervisorName, true, this.zone)}
            </div>`
          : this.inbox.loaded
            ? html`<p class="placeholder">${tr.t('desk.noSupervisors')}</p>`
            : nothing}
      </section>`;
  }
}
