import { html, nothing } from 'lit';
import type { ChatMessage } from '../../contract/chat.js';
import { MAX_MESSAGE_LENGTH } from '../core/chat-api.js';
import { formatNumber } from '../core/format.js';
import type { ChatSide } from '../core/chat-inbox.js';
import { chatTime } from './chat-time.js';
import type { Conversation, OutgoingMessage } from './conversation.js';
import type { ThreadTranslator } from './i18n/index.js';

/** Why sending failed, in the thread's language: the server's words, or its code's in Chinese. */
export function sendRefusal(error: { code: string; message: string }, tr: ThreadTranslator): string {
  return error.code === 'too_many_messages' ? tr.t('thread.tooMany') : error.message;
}

/** Counting down starts this close to the limit. */
const COUNTDOWN_FROM = 200;

/** What the log and composer show and do; built by the thread for each render. */
export interface ThreadViewContext {
  tr: ThreadTranslator;
  side: ChatSide;
  /** The other person: the agent for a supervisor, the supervisor for an agent. */
  otherName: string;
  timeZone: string | undefined;
  conversation: Conversation;
  /** Characters typed so far. */
  draftLength: number;
  /** Sending is possible (signed in, a conversation chosen). */
  enabled: boolean;
  onScroll(): void;
  older(): void;
  onInput(e: InputEvent): void;
  onKeydown(e: KeyboardEvent): void;
  onSubmit(e: SubmitEvent): void;
}

/**
 * The messages, oldest at the top (`role="log"`: new ones are announced
 * politely). Bodies are text bindings, so markup in a message is shown as the
 * characters it is. Each message reads "name, time: text" to a screen reader.
 */
export function renderLog(ctx: ThreadViewContext) {
  const { tr, conversation: c } = ctx;
  return html`<div part="log" class="log" role="log" tabindex="0" aria-label=${tr.t('thread.log', { name: ctx.otherName })} aria-busy=${c.loaded ? 'false' : 'true'} @scroll=${ctx.onScroll}>
    <div class="log-start">
      ${!c.loaded
        ? html`<p class="muted">${tr.t('thread.loading')}</p>`
        : c.loadingOlder
          ? html`<p class="muted">${tr.t('thread.loadingOlder')}</p>`
          : c.hasMore
            ? html`<button class="link-button older" part="older-button" @click=${ctx.older}>${tr.t('thread.older')}</button>`
            : c.messages.length > 0
              ? html`<p class="muted">${tr.t('thread.start', { name: ctx.otherName })}</p>`
              : html`<p class="muted">${tr.t('thread.empty', { name: ctx.otherName })}</p>`}
    </div>
    <ol class="messages">
      ${c.messages.map((m) => renderMessage(m, ctx))} ${c.outgoing.map((o) => renderOutgoing(o, ctx))}
    </ol>
  </div>`;
}

function renderMessage(m: ChatMessage, ctx: ThreadViewContext) {
  const { tr } = ctx;
  const mine = m.sender === ctx.side;
  const time = chatTime(m.sentAt, tr.lang, ctx.timeZone);
  const who = mine ? tr.t('thread.you') : ctx.side === 'agent' ? m.supervisorName : ctx.otherName;
  return html`<li class="message ${mine ? 'mine' : 'theirs'}" part="message ${mine ? 'message-mine' : 'message-theirs'}" data-id=${m.id}>
    <span class="visually-hidden">${tr.t('thread.said', { name: who, time })}</span>
    <p class="bubble" part="bubble">${m.body}</p>
    <span class="meta">
      <time datetime=${m.sentAt} aria-hidden="true">${time}</time>
      ${mine
        ? html`<span class="receipt ${m.readAt ? 'read' : 'delivered'}" part="receipt"
            >${m.readAt ? tr.t('thread.read', { time: chatTime(m.readAt, tr.lang, ctx.timeZone) }) : tr.t('thread.delivered')}</span
          >`
        : nothing}
    </span>
  </li>`;
}

function renderOutgoing(o: OutgoingMessage, ctx: ThreadViewContext) {
  const { tr, conversation } = ctx;
  return html`<li class="message mine ${o.state}" part="message message-mine" data-outgoing=${o.key}>
    <span class="visually-hidden">${tr.t('thread.you')}:</span>
    <p class="bubble" part="bubble">${o.body}</p>
    <span class="meta">
      ${o.state === 'sending'
        ? html`<span class="receipt">${tr.t('thread.sending')}</span>`
        : html`<span class="receipt failed" role="alert">${tr.t('thread.failed')}${o.error ? html`: ${sendRefusal({ code: o.code, message: o.error }, tr)}` : nothing}</span>
            <button class="link-button" @click=${() => void conversation.retry(o.key)}>${tr.t('thread.retry')}</button>
            <button class="link-button" @click=${() => conversation.discard(o.key)}>${tr.t('thread.discard')}</button>`}
    </span>
  </li>`;
}

/** The typing box: Enter sends, Shift+Enter adds a line; a countdown near the limit. */
export function renderComposer(ctx: ThreadViewContext) {
  const { tr } = ctx;
  const left = MAX_MESSAGE_LENGTH - ctx.draftLength;
  return html`<form part="composer" class="composer" @submit=${ctx.onSubmit}>
    <label class="visually-hidden" for="message">${tr.t('thread.input', { name: ctx.otherName })}</label>
    <textarea
      id="message"
      part="input"
      class="field"
      name="message"
      rows="2"
      maxlength=${MAX_MESSAGE_LENGTH}
      placeholder=${tr.t('thread.placeholder')}
      aria-describedby="message-hint message-left"
      ?disabled=${!ctx.enabled}
      @input=${ctx.onInput}
      @keydown=${ctx.onKeydown}
    ></textarea>
    <span id="message-hint" class="visually-hidden">${tr.t('thread.hint')}</span>
    <span id="message-left" class="countdown" aria-live="polite">${left <= COUNTDOWN_FROM ? tr.tn('thread.remaining', left, { count: formatNumber(left, tr.lang) }) : nothing}</span>
    <button part="send-button" class="button primary" type="submit" ?disabled=${!ctx.enabled || ctx.draftLength === 0}>${tr.t('thread.send')}</button>
  </form>`;
}
