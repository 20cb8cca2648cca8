import { and, desc, eq, inArray, isNull, lt, lte, max, sql } from 'drizzle-orm';
import type { Store } from '../db/store.js';
import type { messages } from '../db/schema/chat.js';
import type { ChatSender } from '../../contract/chat.js';

export type MessageRow = typeof messages.$inferSelect;

/** Per conversation: the latest message's id and the reader's unread count. */
export interface ConversationSummary {
  agentId: string;
  supervisorId: string;
  lastId: number;
  unread: number;
}

const other = (reader: ChatSender): ChatSender => (reader === 'agent' ? 'supervisor' : 'agent');

/**
 * The messages table, on either store; every conversation query leads with `agent_id`, so the conversation index serves it.
 * Ordered wherever an answer lists rows (PostgreSQL keeps no insertion order); counts and sums through Number(), as drivers differ on bigints.
 */
export class ChatStore {
  constructor(private readonly store: Store) {}

  /** In a transaction of its own: on SQLite that is what keeps it out of another task's open transaction. */
  insert(row: Omit<MessageRow, 'id' | 'readAt'>): Promise<MessageRow> {
    return this.store.transaction(async (tx) => (await tx.db.insert(tx.tables.messages).values(row).returning())[0]!);
  }

  /** A page of one agent's messages, oldest first: with one supervisor, or with all of them (`supervisorId` null). */
  async page(agentId: string, supervisorId: string | null, before: number | null, limit: number): Promise<{ rows: MessageRow[]; hasMore: boolean }> {
    const { messages } = this.store.tables;
    const rows = await this.store.db
      .select()
      .from(messages)
      .where(
        and(
          eq(messages.agentId, agentId),
          supervisorId === null ? undefined : eq(messages.supervisorId, supervisorId),
          before === null ? undefined : lt(messages.id, before),
        ),
      )
      .orderBy(desc(messages.id))
      .limit(limit + 1);
    const hasMore = rows.length > limit;
    return { rows: rows.slice(0, limit).reverse(), hasMore };
  }

  /** Marks the other side's messages read, up to `throughId` (all when null); returns the highest id now read, per supervisor. */
  markRead(agentId: string, supervisorId: string | null, reader: ChatSender, throughId: number | null, at: number): Promise<Map<string, number>> {
    const { messages } = this.store.tables;
    const where = and(
      eq(messages.agentId, agentId),
      supervisorId === null ? undefined : eq(messages.supervisorId, supervisorId),
      eq(messages.sender, other(reader)),
      isNull(messages.readAt),
      throughId === null ? undefined : lte(messages.id, throughId),
    );
    return this.store.transaction(async (tx) => {
      const marked = await tx.db
        .select({ supervisorId: messages.supervisorId, through: max(messages.id) })
        .from(messages)
        .where(where)
        .groupBy(messages.supervisorId)
        .orderBy(messages.supervisorId);
      if (marked.length > 0) await tx.db.update(messages).set({ readAt: at }).where(where);
      return new Map(marked.map((m) => [m.supervisorId, Number(m.through)]));
    });
  }

  /** The reader's unread messages in one conversation. */
  async unread(agentId: string, supervisorId: string, reader: ChatSender): Promise<number> {
    const { messages } = this.store.tables;
    const [row] = await this.store.db
      .select({ n: sql<number>`count(*)` })
      .from(messages)
      .where(and(eq(messages.agentId, agentId), eq(messages.supervisorId, supervisorId), eq(messages.sender, other(reader)), isNull(messages.readAt)));
    return Number(row?.n ?? 0);
  }

  /**
   * Conversations of a supervisor with the given agents (those in scope), or
   * of one agent with every supervisor. Led by `agent_id` (IN for a supervisor)
   * so the conversation index answers without a scan.
   */
  async summaries(who: { supervisorId: string; agentIds: readonly string[] } | { agentId: string }): Promise<ConversationSummary[]> {
    const { messages } = this.store.tables;
    const reader: ChatSender = 'agentId' in who ? 'agent' : 'supervisor';
    if (!('agentId' in who) && who.agentIds.length === 0) return [];
    const unread = sql<number>`sum(case when ${messages.sender} = ${other(reader)} and ${messages.readAt} is null then 1 else 0 end)`;
    const rows = await this.store.db
      .select({ agentId: messages.agentId, supervisorId: messages.supervisorId, lastId: max(messages.id), unread })
      .from(messages)
      .where('agentId' in who ? eq(messages.agentId, who.agentId) : and(inArray(messages.agentId, [...who.agentIds]), eq(messages.supervisorId, who.supervisorId)))
      .groupBy(messages.agentId, messages.supervisorId);
    return rows.map((r) => ({ agentId: r.agentId, supervisorId: r.supervisorId, lastId: Number(r.lastId), unread: Number(r.unread) }));
  }

  async byIds(ids: readonly number[]): Promise<MessageRow[]> {
    const { messages } = this.store.tables;
    return ids.length === 0 ? [] : this.store.db.select().from(messages).where(inArray(messages.id, [...ids]));
  }
}
