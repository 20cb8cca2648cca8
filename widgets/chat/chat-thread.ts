import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ApiTarget, FloorviewApiError } from '../core/api.js';
import type { ConversationRef } from '../core/chat-api.js';
import type { FloorChange } from '../core/stream.js';
import type { ChatSide } from '../core/chat-inbox.js';
import { Conversation } from './conversation.js';
import type { ThreadTranslator } from './i18n/index.js';
import { renderComposer, renderLog, type ThreadViewContext } from './thread-view.js';

type Host = ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

export interface ChatThreadOptions {
  target(): ApiTarget;
  side: ChatSide;
  failed(error: FloorviewApiError): void;
}

/** Within this many pixels of the end counts as "at the newest message". */
const NEAR_PX = 32;

/**
 * A conversation on screen: its log and typing box, kept scrolled to the
 * newest message unless the reader scrolled up (then older pages load as they
 * reach the top, without the view jumping), and the other side's messages
 * marked read once they are actually visible — the page showing, the widget
 * on screen, the log at its newest.
 */
export class ChatThread implements ReactiveController {
  readonly conversation: Conversation;
  private draftLength = 0;
  /** Follow new messages; false while the reader looks further up. */
  private stick = true;
  private before: { fromBottom: number; firstId: number | undefined; loadingOlder: boolean } | null = null;
  private visibility: IntersectionObserver | null = null;

  constructor(
    private readonly host: Host,
    private readonly options: ChatThreadOptions,
  ) {
    this.conversation = new Conversation(host, options);
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.seen);
    this.visibility = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && this.seen());
    this.visibility.observe(this.host);
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.seen);
    this.visibility?.disconnect();
    this.visibility = null;
  }

  /** Which conversation to show; a new one starts at its newest message. */
  show(ref: ConversationRef | null): void {
    if (ref?.agentId !== this.conversation.ref?.agentId || ref?.supervisorId !== this.conversation.ref?.supervisorId) this.stick = true;
    this.conversation.show(ref);
  }

  observe(change: FloorChange): void {
    this.conversation.observe(change);
  }

  hostUpdate(): void {
    const log = this.log;
    const c = this.conversation;
    this.before = log ? { fromBottom: log.scrollHeight - log.scrollTop, firstId: c.messages[0]?.id, loadingOlder: c.loadingOlder } : null;
    // Where the reader is now, not at the last scroll event: one may still be on its way, and an
    // update in between must not pull a reader who just scrolled up back to the newest message.
    if (log) this.stick = log.scrollHeight - log.scrollTop - log.clientHeight <= NEAR_PX;
  }

  hostUpdated(): void {
    const log = this.log;
    const before = this.before;
    if (!log) return;
    const c = this.conversation;
    if (this.stick) log.scrollTop = log.scrollHeight;
    // Content came in above what the reader looks at: keep their place.
    else if (before && (before.firstId !== c.messages[0]?.id || before.loadingOlder !== c.loadingOlder)) log.scrollTop = log.scrollHeight - before.fromBottom;
    this.seen();
  }

  render(tr: ThreadTranslator, otherName: string, enabled: boolean, timeZone: string | undefined) {
    const ctx: ThreadViewContext = {
      tr,
      side: this.options.side,
      otherName,
      timeZone,
      conversation: this.conversation,
      draftLength: this.draftLength,
      enabled: enabled && this.conversation.ref !== null,
      onScroll: this.onScroll,
      older: this.older,
      onInput: this.onInput,
      onKeydown: this.onKeydown,
      onSubmit: this.onSubmit,
    };
    return [renderLog(ctx), renderComposer(ctx)];
  }

  focus(): void {
    this.input?.focus();
  }

  private get log(): HTMLElement | null {
    return this.host.renderRoot.querySelector<HTMLElement>('.log');
  }

  private get input(): HTMLTextAreaElement | null {
    return this.host.renderRoot.querySelector<HTMLTextAreaElement>('textarea[name=message]');
  }

  /** Marks the other side's messages read when the reader can see them. */
  private readonly seen = () => {
    if (!this.stick || this.conversation.unread.length === 0 || document.visibilityState !== 'visible') return;
    if (!this.host.isConnected || !this.host.checkVisibility()) return;
    void this.conversation.markRead();
  };

  private readonly onScroll = () => {
    const log = this.log!;
    this.stick = log.scrollHeight - log.scrollTop - log.clientHeight <= NEAR_PX;
    if (log.scrollTop <= NEAR_PX) this.older();
    else if (this.stick) this.seen();
  };

  private readonly older = () => {
    if (this.conversation.hasMore && !this.conversation.loadingOlder) {
      this.stick = false;
      void this.conversation.loadOlder();
    }
  };

  private readonly onInput = (e: InputEvent) => {
    this.draftLength = (e.target as HTMLTextAreaElement).value.length;
    this.host.requestUpdate();
  };

  /** Enter sends and Shift+Enter breaks the line — except while an input method composes (pinyin), where Enter picks the characters. */
  private readonly onKeydown = (e: KeyboardEvent) => {
    if (e.key !== 'Enter' || e.shiftKey || e.isComposing || e.keyCode === 229) return;
    e.preventDefault();
    (e.target as HTMLTextAreaElement).form!.requestSubmit();
  };

  private readonly onSubmit = (e: SubmitEvent) => {
    e.preventDefault();
    const input = this.input!;
    const body = input.value.trim();
    if (!body || !this.conversation.ref) return;
    input.value = '';
    this.draftLength = 0;
    this.stick = true;
    void this.conversation.send(body);
  };
}
