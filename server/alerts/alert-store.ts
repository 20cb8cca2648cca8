import { and, desc, eq, gte, isNull, lt, sql } from 'drizzle-orm';
import type { alerts } from '../db/schema/alerts.js';
import type { Store } from '../db/store.js';
import type { Condition } from './alert-conditions.js';

export type AlertRecord = typeof alerts.$inferSelect;

/**
 * The alerts table (raised, cleared and acknowledged alerts, open ones first to load at start) and what the rules read
 * beside it, on either store. Each write is a transaction of its own: on SQLite that keeps it out of another task's open one.
 */
export class AlertStore {
  constructor(private readonly store: Store) {}

  raise(c: Condition, at: number, note: string | null = null): Promise<AlertRecord> {
    return this.store.transaction(async (tx) => {
      const row = { rule: c.rule, queueId: c.queueId, agentId: c.agentId, threshold: c.threshold, value: c.value, raisedAt: at, note };
      return (await tx.db.insert(tx.tables.alerts).values(row).returning())[0]!;
    });
  }

  clear(seq: number, at: number): Promise<AlertRecord> {
    return this.store.transaction(async (tx) => {
      const { alerts } = tx.tables;
      return (await tx.db.update(alerts).set({ clearedAt: at }).where(eq(alerts.seq, seq)).returning())[0]!;
    });
  }

  /** The first acknowledgement stands; a later one changes nothing. */
  acknowledge(seq: number, supervisorId: string, at: number): Promise<AlertRecord | undefined> {
    return this.store.transaction(async (tx) => {
      const { alerts } = tx.tables;
      await tx.db
        .update(alerts)
        .set({ ackedBy: supervisorId, ackedAt: at })
        .where(and(eq(alerts.seq, seq), isNull(alerts.ackedBy)));
      return new AlertStore(tx).get(seq);
    });
  }

  async get(seq: number): Promise<AlertRecord | undefined> {
    const { alerts } = this.store.tables;
    return (await this.store.db.select().from(alerts).where(eq(alerts.seq, seq)))[0];
  }

  async open(): Promise<AlertRecord[]> {
    const { alerts } = this.store.tables;
    return this.store.db.select().from(alerts).where(isNull(alerts.clearedAt)).orderBy(alerts.seq);
  }

  /** Alerts raised in [from, to), newest first. */
  async raisedBetween(from: number, to: number): Promise<AlertRecord[]> {
    const { alerts } = this.store.tables;
    return this.store.db
      .select()
      .from(alerts)
      .where(and(gte(alerts.raisedAt, from), lt(alerts.raisedAt, to)))
      .orderBy(desc(alerts.seq));
  }

  /** Which wallboard (display token) shows which queue: they see that queue's alerts. */
  async wallboardQueues(): Promise<{ tokenId: string; queueId: string }[]> {
    const { displayTokenQueues } = this.store.tables;
    return this.store.db.select({ tokenId: displayTokenQueues.tokenId, queueId: displayTokenQueues.queueId }).from(displayTokenQueues);
  }

  /** Per agent, the contacts that rang unanswered (bounced) since `since`. */
  async bouncesSince(since: number): Promise<{ agentId: string; n: number }[]> {
    const { handlings } = this.store.tables;
    return this.store.db
      .select({ agentId: handlings.agentId, n: sql<number>`count(*)`.mapWith(Number) })
      .from(handlings)
      .where(and(gte(handlings.offeredAt, since), eq(handlings.result, 'bounced')))
      .groupBy(handlings.agentId);
  }
}
