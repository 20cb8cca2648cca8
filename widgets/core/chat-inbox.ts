import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { credentialKey, type ApiTarget } from './api.js';
import type { ChatMessage } from '../../contract/chat.js';
import { fetchConversations } from './chat-api.js';
import { CoalescedFetch } from './coalesced-fetch.js';
import type { FloorChange } from './stream.js';

/** Which side of the conversations the signed-in viewer is on. */
export type ChatSide = 'supervisor' | 'agent';

/** One of the viewer's conversations, with what they have not read. */
export interface InboxEntry {
  agentId: string;
  supervisorId: string;
  supervisorName: string;
  unread: number;
  /** The newest message already counted: a frame can repeat what the fetch counted. */
  lastId: number;
}

const key = (agentId: string, supervisorId: string) => `${agentId}\n${supervisorId}`;

/**
 * The viewer's conversations and unread counts: fetched (`GET /conversations`),
 * then kept current from the stream's chat items — a message from the other
 * side counts up (and may start a conversation), a read receipt sets the count.
 * The agent list's badges and the agent desk's tabs read it.
 */
export class ChatInbox implements ReactiveController {
  /** In the server's order (latest first) at fetch; conversations started since are added at the end. */
  private readonly entries = new Map<string, InboxEntry>();
  private side: ChatSide | null = null;
  private followed = '';
  private readonly fetcher: CoalescedFetch;
  /** The first fetch has answered. */
  loaded = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly target: () => ApiTarget,
  ) {
    this.fetcher = new CoalescedFetch(host, (signal) => this.fetchConversations(signal));
    host.addController(this);
  }

  hostDisconnected(): void {
    this.fetcher.abort();
    this.followed = '';
  }

  /** Follows the viewer's conversations from `side` (null: no chat, e.g. a display token); cheap to call on every update. */
  sync(side: ChatSide | null): void {
    const t = this.target();
    const followed = side ? `${side} ${t.api} ${credentialKey(t)}` : '';
    if (followed === this.followed) return;
    this.followed = followed;
    this.side = side;
    this.entries.clear();
    this.loaded = false;
    this.fetcher.abort();
    if (side) this.fetcher.run();
  }

  get conversations(): InboxEntry[] {
    return [...this.entries.values()];
  }

  /** Unread from an agent, over the viewer's conversations with them (a supervisor has one). */
  forAgent(agentId: string): number {
    let n = 0;
    for (const e of this.entries.values()) if (e.agentId === agentId) n += e.unread;
    return n;
  }

  observe(change: FloorChange): void {
    if (!this.side) return;
    // After a snapshot, chat items may have been missed.
    if (change.snapshot) return this.fetcher.run();
    const messages = change.messages ?? [];
    const reads = change.reads ?? [];
    if (messages.length === 0 && reads.length === 0) return;
    if (this.fetcher.busy) return this.fetcher.run();
    for (const m of messages) this.count(m);
    for (const r of reads) if (r.reader === this.side) this.entry(r.agentId, r.supervisorId).unread = r.unread;
    this.host.requestUpdate();
  }

  private entry(agentId: string, supervisorId: string, supervisorName = supervisorId): InboxEntry {
    const k = key(agentId, supervisorId);
    let e = this.entries.get(k);
    if (!e) this.entries.set(k, (e = { agentId, supervisorId, supervisorName, unread: 0, lastId: 0 }));
    return e;
  }

  private count(m: ChatMessage): void {
    const e = this.entry(m.agentId, m.supervisorId, m.supervisorName);
    if (m.id <= e.lastId) return;
    e.lastId = m.id;
    if (m.sender !== this.side && m.readAt === null) e.unread++;
  }

  private async fetchConversations(signal: AbortSignal): Promise<void> {
    const { conversations } = await fetchConversations(this.target(), signal);
    if (signal.aborted) return;
    this.entries.clear();
    for (const c of conversations) {
      this.entries.set(key(c.agentId, c.supervisorId), {
        agentId: c.agentId,
        supervisorId: c.supervisorId,
        supervisorName: c.supervisorName,
        unread: c.unread,
        lastId: c.lastMessage?.id ?? 0,
      });
    }
    this.loaded = true;
  }
}
