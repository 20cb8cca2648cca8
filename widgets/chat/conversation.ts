import type { ReactiveControllerHost } from 'lit';
import { asApiError, FloorviewApiError, type ApiTarget } from '../core/api.js';
import type { ChatMessage, ChatRead } from '../../contract/chat.js';
import { fetchMessages, postMessage, postRead, type ConversationRef } from '../core/chat-api.js';
import type { FloorChange } from '../core/stream.js';
import type { ChatSide } from '../core/chat-inbox.js';

const PAGE = 30;

/** A message typed here and not yet stored by the server. */
export interface OutgoingMessage {
  key: number;
  body: string;
  state: 'sending' | 'failed';
  /** Why it failed, as the server said it (or empty for a network failure). */
  error: string;
  /** The refusal's code, so the thread can say it in its language. */
  code: string;
}

export interface ConversationOptions {
  target(): ApiTarget;
  side: ChatSide;
  /** A request failed: the host shows it and fires `fv-error`. */
  failed(error: FloorviewApiError): void;
}

const same = (a: ConversationRef | null, b: ConversationRef | null) => a?.agentId === b?.agentId && a?.supervisorId === b?.supervisorId;

/**
 * One conversation's messages as the viewer has them: the latest page, older
 * pages as they scroll back, live messages and read receipts from the stream
 * (merged by id, so a message that comes both ways is shown once), what is
 * being sent, and marking the other side's messages read.
 */
export class Conversation {
  messages: ChatMessage[] = [];
  hasMore = false;
  /** The latest page has arrived. */
  loaded = false;
  loadingOlder = false;
  outgoing: OutgoingMessage[] = [];
  ref: ConversationRef | null = null;

  private generation = 0;
  private latest: Promise<void> | null = null;
  private reloadAfter = false;
  private readThrough = 0;
  private nextKey = 1;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: ConversationOptions,
  ) {}

  /** Which conversation to hold (null: none); cheap to call on every update. */
  show(ref: ConversationRef | null): void {
    if (same(ref, this.ref)) return;
    this.ref = ref;
    this.generation++;
    this.messages = [];
    this.outgoing = [];
    this.hasMore = false;
    this.loaded = false;
    this.loadingOlder = false;
    this.readThrough = 0;
    this.latest = null;
    this.reloadAfter = false;
    if (ref) void this.loadLatest();
  }

  /** The other side's messages the viewer has not read. */
  get unread(): ChatMessage[] {
    return this.messages.filter((m) => m.sender !== this.options.side && m.readAt === null);
  }

  observe(change: FloorChange): void {
    if (!this.ref) return;
    if (change.snapshot) return void this.loadLatest();
    let touched = false;
    for (const m of change.messages ?? []) if (this.mine(m)) touched = this.upsert(m) || touched;
    for (const r of change.reads ?? []) if (this.mine(r)) touched = this.applyRead(r) || touched;
    if (touched) this.host.requestUpdate();
  }

  async loadOlder(): Promise<void> {
    const ref = this.ref;
    if (!ref || !this.loaded || !this.hasMore || this.loadingOlder) return;
    const generation = this.generation;
    this.loadingOlder = true;
    this.host.requestUpdate();
    try {
      const page = await fetchMessages(this.options.target(), ref, this.messages[0]?.id ?? null, PAGE);
      if (generation !== this.generation) return;
      for (const m of page.messages) this.upsert(m);
      this.hasMore = page.hasMore;
    } catch (err) {
      if (generation === this.generation) this.options.failed(asApiError(err));
    } finally {
      if (generation === this.generation) this.loadingOlder = false;
      this.host.requestUpdate();
    }
  }

  /** Sends; the message shows at once as sending, and stays with a retry when refused. */
  async send(body: string): Promise<void> {
    const out: OutgoingMessage = { key: this.nextKey++, body, state: 'sending', error: '', code: '' };
    this.outgoing = [...this.outgoing, out];
    this.host.requestUpdate();
    await this.post(out);
  }

  async retry(key: number): Promise<void> {
    const out = this.outgoing.find((o) => o.key === key);
    if (!out || out.state !== 'failed') return;
    out.state = 'sending';
    this.host.requestUpdate();
    await this.post(out);
  }

  discard(key: number): void {
    this.outgoing = this.outgoing.filter((o) => o.key !== key);
    this.host.requestUpdate();
  }

  /** Marks what the viewer can see read (the host knows whether it is on screen). */
  async markRead(): Promise<void> {
    const ref = this.ref;
    const newest = this.unread.at(-1)?.id ?? 0;
    if (!ref || newest <= this.readThrough) return;
    this.readThrough = newest;
    try {
      const { reads } = await postRead(this.options.target(), ref, newest);
      if (!same(ref, this.ref)) return;
      for (const r of reads) this.applyRead(r);
      this.host.requestUpdate();
    } catch {
      // Not retried for these messages (a refusal would repeat on every render): the next message from the other side tries again.
    }
  }

  private async post(out: OutgoingMessage): Promise<void> {
    const ref = this.ref;
    if (!ref) return;
    try {
      const message = await postMessage(this.options.target(), ref, out.body);
      if (!same(ref, this.ref)) return;
      this.upsert(message);
      this.outgoing = this.outgoing.filter((o) => o !== out);
    } catch (err) {
      const error = asApiError(err);
      out.state = 'failed';
      out.error = error.status === 0 ? '' : error.message;
      out.code = error.code;
      this.options.failed(error);
    } finally {
      this.host.requestUpdate();
    }
  }

  /** The latest page, merged into what is held (after a reconnect older pages stay). One request at a time. */
  private async loadLatest(): Promise<void> {
    if (this.latest) {
      this.reloadAfter = true;
      return;
    }
    const ref = this.ref!;
    const generation = this.generation;
    this.latest = (async () => {
      try {
        const page = await fetchMessages(this.options.target(), ref, null, PAGE);
        if (generation !== this.generation) return;
        // More was missed than a page holds (a long disconnect): the older messages held no longer join up with it, so they go.
        const first = page.messages[0]?.id ?? Infinity;
        const last = page.messages.at(-1)?.id ?? -Infinity;
        const joins = this.messages.some((m) => m.id >= first && m.id <= last);
        const gap = this.loaded && page.hasMore && !joins && this.messages.some((m) => m.id < first);
        if (gap) this.messages = this.messages.filter((m) => m.id > last);
        if (!this.loaded || gap) this.hasMore = page.hasMore;
        for (const m of page.messages) this.upsert(m);
        this.loaded = true;
      } catch (err) {
        if (generation === this.generation) this.options.failed(asApiError(err));
      }
    })();
    await this.latest;
    if (generation !== this.generation) return;
    this.latest = null;
    this.host.requestUpdate();
    if (this.reloadAfter) {
      this.reloadAfter = false;
      void this.loadLatest();
    }
  }

  private mine(item: { agentId: string; supervisorId: string }): boolean {
    return item.agentId === this.ref?.agentId && (this.ref.supervisorId === undefined || item.supervisorId === this.ref.supervisorId);
  }

  /** Inserts or replaces by id, keeping id order; says whether anything changed. */
  private upsert(m: ChatMessage): boolean {
    const list = this.messages;
    if (list.length === 0 || list.at(-1)!.id < m.id) {
      this.messages = [...list, m];
      return true;
    }
    const at = list.findIndex((x) => x.id >= m.id);
    if (list[at]!.id === m.id && list[at]!.readAt === m.readAt) return false;
    this.messages = list[at]!.id === m.id ? list.with(at, m) : list.toSpliced(at, 0, m);
    return true;
  }

  /** A receipt: `reader` read the other side's messages up to `throughId`. */
  private applyRead(r: ChatRead): boolean {
    let changed = false;
    this.messages = this.messages.map((m) => {
      if (m.sender === r.reader || m.id > r.throughId || m.readAt !== null) return m;
      changed = true;
      return { ...m, readAt: r.readAt };
    });
    return changed;
  }
}
