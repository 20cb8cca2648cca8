import { and, desc, eq, inArray, isNull, lt, lte, max, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { messages } from '../db/schema/chat.js';
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

/** The messages table; every conversation query leads with `agent_id`, so the conversation index serves it. */
export class ChatStore {
  constructor(private readonly db: Db) {}

  insert(row: Omit<MessageRow, 'id' | 'readAt'>): MessageRow {
    return this.db.insert(messages).values(row).returning().get();
  }

  /** A page of one agent's messages, oldest first: with one supervisor, or with all of them (`supervisorId` null). */
  page(agentId: string, supervisorId: string | null, before: number | null, limit: number): { rows: MessageRow[]; hasMore: boolean } {
    const rows = this.db
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
      .limit(limit + 1)
      .all();
    const hasMore = rows.length > limit;
    return { rows: rows.slice(0, limit).reverse(), hasMore };
  }

  /** Marks the other side's messages read, up to `throughId` (all when null); returns the highest id now read, per supervisor. */
  markRead(agentId: string, supervisorId: string | null, reader: ChatSender, throughId: number | null, at: number): Map<string, number> {
    const where = and(
      eq(messages.agentId, agentId),
      supervisorId === null ? undefined : eq(messages.supervisorId, supervisorId),
      eq(messages.sender, other(reader)),
      isNull(messages.readAt),
      throughId === null ? undefined : lte(messages.id, throughId),
    );
    return this.db.transaction((tx) => {
      const marked = tx
        .select({ supervisorId: messages.supervisorId, through: max(messages.id) })
        .from(messages)
        .where(where)
        .groupBy(messages.supervisorId)
        .all();
      if (marked.length > 0) tx.update(messages).set({ readAt: at }).where(where).run();
      return new Map(marked.map((m) => [m.supervisorId, m.through!]));
    });
  }

  /** The reader's unread messages in one conversation. */
  unread(agentId: string, supervisorId: string, reader: ChatSender): number {
    const row = this.db
      .select({ n: sql<number>`count(*)` })
      .from(messages)
      .where(and(eq(messages.agentId, agentId), eq(messages.supervisorId, supervisorId), eq(messages.sender, other(reader)), isNull(messages.readAt)))
      .get();
    return row?.n ?? 0;
  }

  /**
   * Conversations of a supervisor with the given agents (those in scope), or
   * of one agent with every supervisor. Led by `agent_id` (IN for a supervisor)
   * so the conversation index answers without a scan.
   */
  summaries(who: { supervisorId: string; agentIds: readonly string[] } | { agentId: string }): ConversationSummary[] {
    const reader: ChatSender = 'agentId' in who ? 'agent' : 'supervisor';
    if (!('agentId' in who) && who.agentIds.length === 0) return [];
    const unread = sql<number>`sum(case when ${messages.sender} = ${other(reader)} and ${messages.readAt} is null then 1 else 0 end)`;
    return this.db
      .select({ agentId: messages.agentId, supervisorId: messages.supervisorId, lastId: max(messages.id), unread })
      .from(messages)
      .where('agentId' in who ? eq(messages.agentId, who.agentId) : and(inArray(messages.agentId, [...who.agentIds]), eq(messages.supervisorId, who.supervisorId)))
      .groupBy(messages.agentId, messages.supervisorId)
      .all()
      .map((r) => ({ agentId: r.agentId, supervisorId: r.supervisorId, lastId: r.lastId!, unread: Number(r.unread) }));
  }

  byIds(ids: readonly number[]): MessageRow[] {
    return ids.length === 0 ? [] : this.db.select().from(messages).where(inArray(messages.id, [...ids])).all();
  }
}
