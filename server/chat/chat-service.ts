import { agentInScope, scopeOf, type Scope } from '../auth/principal.js';
import type { Store } from '../db/store.js';
import type { Directory } from '../directory/directory.js';
import { ApiError, badRequest, forbidden, notFound } from '../lib/errors.js';
import type { ViewerItem } from '../stream/stream-hub.js';
import type { ChatConversation, ChatMessage, ChatRead } from '../../contract/chat.js';
import { ChatStore, type MessageRow } from './chat-store.js';
import { SendRate } from './send-rate.js';

/** Who takes part: a supervisor (within their scope) or an agent (only their own conversations). */
export type ChatParticipant = { kind: 'supervisor'; id: string; scope: Scope } | { kind: 'agent'; id: string };

export interface PageRequest {
  /** For an agent: one supervisor's conversation; absent, all of them. A supervisor may name only themself. */
  supervisorId?: string | undefined;
  before?: number | undefined;
  limit: number;
}

/**
 * Chat (C4): who may read and write which conversation, persistence, unread
 * counts, and live delivery — each message and read receipt is published on
 * the stream to the two people in the conversation.
 */
export class ChatService {
  private readonly store: ChatStore;
  private readonly rate = new SendRate();
  private readonly listeners: ((message: ChatMessage) => void)[] = [];

  constructor(
    store: Store,
    private readonly directory: Directory,
    private readonly publish: (item: ViewerItem) => void,
    private readonly clock: () => number = Date.now,
  ) {
    this.store = new ChatStore(store);
  }

  /** Called with every message sent (the simulator's agents answer through this). */
  onSent(listener: (message: ChatMessage) => void): void {
    this.listeners.push(listener);
  }

  async page(caller: ChatParticipant, agentId: string, request: PageRequest): Promise<{ messages: ChatMessage[]; hasMore: boolean }> {
    this.checkAgent(caller, agentId);
    const supervisorId = caller.kind === 'supervisor' ? this.ownSupervisor(caller, request.supervisorId) : this.knownSupervisor(request.supervisorId);
    const { rows, hasMore } = await this.store.page(agentId, supervisorId, request.before ?? null, request.limit);
    return { messages: rows.map((r) => this.toMessage(r)), hasMore };
  }

  async send(caller: ChatParticipant, agentId: string, body: string, supervisorId?: string): Promise<ChatMessage> {
    this.checkAgent(caller, agentId);
    let to: string;
    if (caller.kind === 'supervisor') to = this.ownSupervisor(caller, supervisorId);
    else {
      if (supervisorId === undefined) throw badRequest('Name the supervisor to write to.', { supervisorId: 'Required when an agent sends a message.' });
      to = this.knownSupervisor(supervisorId)!;
      if (!this.supervises(to, agentId)) throw forbidden(`${this.directory.supervisors.get(to)!.name} does not supervise any of your queues.`);
    }
    const from = `${caller.kind}:${caller.id}`;
    if (!this.rate.take(from, this.clock())) throw new ApiError(429, 'too_many_messages', 'Too many messages in a minute; wait a moment and send again.');
    const row = await this.store.insert({ agentId, supervisorId: to, sender: caller.kind, body, sentAt: this.clock() });
    const message = this.toMessage(row);
    this.publish({ audience: audience(agentId, to), channel: 'messages', data: message });
    for (const listener of this.listeners) listener(message);
    return message;
  }

  /** Marks the other side's messages read up to `throughId` (all when absent): one receipt per conversation touched. */
  async markRead(caller: ChatParticipant, agentId: string, request: { supervisorId?: string | undefined; throughId?: number | undefined }): Promise<ChatRead[]> {
    this.checkAgent(caller, agentId);
    const supervisorId = caller.kind === 'supervisor' ? this.ownSupervisor(caller, request.supervisorId) : this.knownSupervisor(request.supervisorId);
    const now = this.clock();
    const marked = await this.store.markRead(agentId, supervisorId, caller.kind, request.throughId ?? null, now);
    const reads: ChatRead[] = [];
    for (const [sid, throughId] of marked) {
      const read: ChatRead = {
        agentId,
        supervisorId: sid,
        reader: caller.kind,
        throughId,
        readAt: new Date(now).toISOString(),
        unread: await this.store.unread(agentId, sid, caller.kind),
      };
      this.publish({ audience: audience(agentId, sid), channel: 'reads', data: read });
      reads.push(read);
    }
    return reads;
  }

  /**
   * A supervisor's conversations with agents in scope; an agent's with every
   * supervisor they have written with, plus those who supervise them (so the
   * desk can start one). Latest first.
   */
  async conversations(caller: ChatParticipant): Promise<ChatConversation[]> {
    const dir = this.directory;
    const summaries =
      caller.kind === 'supervisor'
        ? await this.store.summaries({ supervisorId: caller.id, agentIds: [...dir.agents.keys()].filter((a) => agentInScope(dir, caller.scope, a)) })
        : await this.store.summaries({ agentId: caller.id });
    const last = new Map((await this.store.byIds(summaries.map((s) => s.lastId))).map((r) => [r.id, this.toMessage(r)]));
    const list: ChatConversation[] = summaries.map((s) => ({
      ...this.names(s.agentId, s.supervisorId),
      unread: s.unread,
      lastMessage: last.get(s.lastId) ?? null,
    }));
    if (caller.kind === 'agent') {
      const talked = new Set(summaries.map((s) => s.supervisorId));
      for (const sid of dir.supervisors.keys()) {
        if (!talked.has(sid) && this.supervises(sid, caller.id)) list.push({ ...this.names(caller.id, sid), unread: 0, lastMessage: null });
      }
    }
    const lastId = (c: ChatConversation) => c.lastMessage?.id ?? 0;
    return list.sort((a, b) => lastId(b) - lastId(a) || a.supervisorName.localeCompare(b.supervisorName) || a.agentName.localeCompare(b.agentName));
  }

  private checkAgent(caller: ChatParticipant, agentId: string): void {
    if (caller.kind === 'agent') {
      if (agentId !== caller.id) throw forbidden('An agent reads and writes only their own conversations.');
      return;
    }
    if (!this.directory.agents.has(agentId)) throw notFound(`Agent "${agentId}"`);
    if (!agentInScope(this.directory, caller.scope, agentId)) throw forbidden(`Agent "${agentId}" is not in any of your queues.`);
  }

  /** A supervisor's conversations are their own: naming another supervisor is refused. */
  private ownSupervisor(caller: ChatParticipant & { kind: 'supervisor' }, supervisorId: string | undefined): string {
    if (supervisorId !== undefined && supervisorId !== caller.id) throw forbidden('You can read and write only your own conversations.');
    return caller.id;
  }

  private knownSupervisor(supervisorId: string | undefined): string | null {
    if (supervisorId === undefined) return null;
    if (!this.directory.supervisors.has(supervisorId)) throw notFound(`Supervisor "${supervisorId}"`);
    return supervisorId;
  }

  private supervises(supervisorId: string, agentId: string): boolean {
    const s = this.directory.supervisors.get(supervisorId);
    return s !== undefined && agentInScope(this.directory, scopeOf(s.queues), agentId);
  }

  private names(agentId: string, supervisorId: string) {
    return {
      agentId,
      agentName: this.directory.nameOfAgent(agentId),
      supervisorId,
      supervisorName: this.directory.supervisors.get(supervisorId)?.name ?? supervisorId,
    };
  }

  private toMessage(row: MessageRow): ChatMessage {
    return {
      id: row.id,
      agentId: row.agentId,
      supervisorId: row.supervisorId,
      supervisorName: this.directory.supervisors.get(row.supervisorId)?.name ?? row.supervisorId,
      sender: row.sender,
      body: row.body,
      sentAt: new Date(row.sentAt).toISOString(),
      readAt: row.readAt === null ? null : new Date(row.readAt).toISOString(),
    };
  }
}

const audience = (agentId: string, supervisorId: string) => [`supervisor:${supervisorId}`, `agent:${agentId}`];
