import { and, desc, eq, gte, isNull, lt } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { alerts } from '../db/schema/alerts.js';
import type { Condition } from './alert-conditions.js';

export type AlertRecord = typeof alerts.$inferSelect;

/** The alerts table: raised, cleared and acknowledged alerts, open ones first to load at start. */
export class AlertStore {
  constructor(private readonly db: Db) {}

  raise(c: Condition, at: number, note: string | null = null): AlertRecord {
    return this.db
      .insert(alerts)
      .values({ rule: c.rule, queueId: c.queueId, agentId: c.agentId, threshold: c.threshold, value: c.value, raisedAt: at, note })
      .returning()
      .get();
  }

  clear(seq: number, at: number): AlertRecord {
    return this.db.update(alerts).set({ clearedAt: at }).where(eq(alerts.seq, seq)).returning().get()!;
  }

  /** The first acknowledgement stands; a later one changes nothing. */
  acknowledge(seq: number, supervisorId: string, at: number): AlertRecord | undefined {
    this.db
      .update(alerts)
      .set({ ackedBy: supervisorId, ackedAt: at })
      .where(and(eq(alerts.seq, seq), isNull(alerts.ackedBy)))
      .run();
    return this.get(seq);
  }

  get(seq: number): AlertRecord | undefined {
    return this.db.select().from(alerts).where(eq(alerts.seq, seq)).get();
  }

  open(): AlertRecord[] {
    return this.db.select().from(alerts).where(isNull(alerts.clearedAt)).orderBy(alerts.seq).all();
  }

  /** Alerts raised in [from, to), newest first. */
  raisedBetween(from: number, to: number): AlertRecord[] {
    return this.db
      .select()
      .from(alerts)
      .where(and(gte(alerts.raisedAt, from), lt(alerts.raisedAt, to)))
      .orderBy(desc(alerts.seq))
      .all();
  }
}
