import { Task } from '@lit/task';
import { html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { credentialKey, hasBearer, type FloorviewApiError } from '../core/api.js';
import { renderConnectionStatus } from '../core/connection-status.js';
import { connectionStatusStyles } from '../core/connection-status.styles.js';
import { FvConnectionChangeEvent, FvErrorEvent } from '../core/events.js';
import { FloorviewElement } from '../core/floorview-element.js';
import { fetchViewer } from '../core/session.js';
import { renderTokenRefusal } from '../core/token-refusal.js';
import { SignInLoader } from '../core/sign-in-loader.js';
import { FloorStreamController } from '../core/stream-controller.js';
import type { ConnectionState } from '../core/stream.js';
import { controlStyles, themeStyles } from '../core/theme.styles.js';
import { renderAlert } from './alert.js';
import { chatStyles } from './chat.styles.js';
import { ChatThread } from './chat-thread.js';
import { sendRefusal } from './thread-view.js';
import { FvChatCloseEvent } from './events.js';
import { chatCatalogs, type ChatTranslator } from './i18n/index.js';
import { panelStyles } from './panel.styles.js';
import { threadStyles } from './thread.styles.js';

/**
 * @summary The supervisor's conversation with one agent (C4): the history,
 * scrolling back page by page, a typing box (Enter sends, Shift+Enter starts a
 * new line), delivered and read marks on what the supervisor sent, and the
 * agent's answers as they arrive. The agent's messages are marked read once
 * they are on screen. Opened from the agent list's Chat action
 * (`fv-agent-chat` → set `agent-id`), or standalone with `agent-id`.
 * Message text is always shown as text, never as markup.
 *
 * @attr agent-id - The agent to chat with (in the supervisor's queues).
 * @attr closable - Shows a close button, which fires `fv-chat-close` (for a side panel).
 * @attr token - A supervisor's bearer token (from `/auth/login`); default: the session cookie.
 * @attr connection - Reflected, read-only: `connecting`, `live`, `reconnecting`, `offline`, `unauthenticated`.
 *
 * @fires {FvChatCloseEvent} fv-chat-close - The close button was pressed; `agentId`.
 * @fires {FvConnectionChangeEvent} fv-connection-change - The live connection changed; `state`.
 * @fires {FvErrorEvent} fv-error - Sending or loading failed; `code`, `message` (the server's).
 *
 * @csspart base - The widget's box.
 * @csspart header - Title, the agent's state, connection, close button.
 * @csspart status - The connection indicator.
 * @csspart close-button - The close button.
 * @csspart log - The scrolling message history (`role="log"`).
 * @csspart older-button - Loads earlier messages.
 * @csspart message - One message.
 * @csspart message-mine - The supervisor's own messages (also `message`).
 * @csspart message-theirs - The other side's messages (also `message`).
 * @csspart bubble - A message's text.
 * @csspart receipt - Delivered / read, under the supervisor's messages.
 * @csspart composer - The typing box and send button.
 * @csspart input - The text area.
 * @csspart send-button - The send button.
 * @csspart alert - A failed request's message.
 * @csspart sign-in - The sign-in form shown without credentials.
 *
 * @cssproperty --fv-chat-mine-bg - The supervisor's bubbles. Default: the accent colour.
 * @cssproperty --fv-chat-mine-text - Text in them. Default: the on-accent colour.
 */
export class FvChat extends FloorviewElement {
  static override styles = [themeStyles, controlStyles, connectionStatusStyles, panelStyles, threadStyles, chatStyles];

  @property({ attribute: 'agent-id' }) accessor agentId = '';
  @property({ type: Boolean }) accessor closable = false;
  @property({ reflect: true }) accessor connection: ConnectionState = 'connecting';

  private readonly stream = new FloorStreamController(this, () => this.target, (change) => change && this.thread.observe(change));
  private readonly viewer = new Task(this, {
    task: (_, { signal }) => fetchViewer(this.target, signal),
    args: () => [this.target.api, credentialKey(this.target)] as const,
  });
  private readonly signIn = new SignInLoader(this, () => this.target.api, () => this.signedIn(), () => import('../core/sign-in.js'));
  private readonly thread = new ChatThread(this, { target: () => this.target, side: 'supervisor', failed: (e) => this.failed(e) });
  private alert = '';

  /** Puts the cursor in the typing box. */
  override focus(options?: FocusOptions): void {
    this.thread.focus();
    if (!this.shadowRoot?.activeElement) super.focus(options);
  }

  protected override update(changed: PropertyValues<this>): void {
    const state = this.stream.floor?.state ?? 'connecting';
    if (this.connection === 'unauthenticated' && state === 'live') void this.viewer.run();
    this.connection = state;
    const supervisor = this.viewer.value?.kind === 'supervisor';
    this.thread.show(supervisor && this.agentId ? { agentId: this.agentId } : null);
    if (changed.has('agentId')) this.alert = '';
    super.update(changed);
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('connection')) this.dispatchEvent(new FvConnectionChangeEvent(this.connection));
  }

  private get i18n(): ChatTranslator {
    return this.translatorFor(chatCatalogs);
  }

  private signedIn(): void {
    this.stream.floor?.reconnect();
    void this.viewer.run();
  }

  private failed(error: FloorviewApiError): void {
    this.alert = error.status === 0 ? this.i18n.t('error.network') : sendRefusal(error, this.i18n);
    this.dispatchEvent(new FvErrorEvent(error.code, this.alert));
    this.requestUpdate();
  }

  protected override render() {
    const tr = this.i18n;
    const floor = this.stream.floor;
    const row = this.agentId ? floor?.agents.get(this.agentId) : undefined;
    const name = row?.name ?? this.agentId;
    return html`<div part="base" class="base ${this.themeClass}" lang=${tr.lang}>
      <div part="header" class="header">
        <h2>${this.agentId ? tr.t('chat.title', { name }) : tr.t('chat.heading')}</h2>
        ${row ? html`<span class="badge ${row.state}">${tr.t(`state.${row.state}`)}</span>` : nothing}
        ${renderConnectionStatus(floor, tr, this.zone)}
        ${this.closable
          ? html`<button part="close-button" class="icon-button" aria-label=${tr.t('chat.close')} @click=${() => this.dispatchEvent(new FvChatCloseEvent(this.agentId))}>
              <span aria-hidden="true">×</span>
            </button>`
          : nothing}
      </div>
      ${renderAlert(this.alert, tr.t('error.dismiss'), () => {
        this.alert = '';
        this.requestUpdate();
      })}
      ${this.renderBody(tr, name)}
    </div>`;
  }

  private renderBody(tr: ChatTranslator, name: string) {
    if (this.connection === 'unauthenticated') {
      return hasBearer(this.target) ? renderTokenRefusal(tr, this.stream.floor?.refusal) : this.signIn.render(tr);
    }
    if (!this.agentId) return html`<p class="placeholder">${tr.t('chat.choose')}</p>`;
    const viewer = this.viewer.value;
    if (viewer && viewer.kind !== 'supervisor') return html`<p class="placeholder">${tr.t('chat.notSupervisor')}</p>`;
    return this.thread.render(tr, name, true, this.zone);
  }
}
