import { and, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import type { Store } from '../db/store.js';

export type AuditOutcome = 'sent' | 'refused' | 'failed';

export interface AuditEntry {
  id: number;
  at: string;
  supervisorId: string;
  action: string;
  agentId: string | null;
  queueId: string | null;
  detail: Record<string, unknown> | null;
  outcome: AuditOutcome;
  message: string | null;
}

/** Who did what to whom, when, and how it went: every supervisor command, refused ones included. One implementation for both stores. */
export class AuditLog {
  constructor(
    private readonly store: Store,
    private readonly clock: () => number = Date.now,
  ) {}

  record(
    supervisorId: string,
    agentId: string,
    request: { kind: string; queueId?: string } & Record<string, unknown>,
    outcome: AuditOutcome,
    message: string | null,
  ): Promise<void> {
    const { kind, queueId, ...detail } = request;
    const at = this.clock();
    // A transaction of its own: on SQLite that keeps the entry out of another task's open transaction (and its rollback).
    return this.store.transaction(async (tx) => {
      await tx.db.insert(tx.tables.auditLog).values({
        at,
        supervisorId,
        action: kind,
        agentId,
        queueId: queueId ?? null,
        detail: Object.keys(detail).length > 0 ? JSON.stringify(detail) : null,
        outcome,
        message,
      });
    });
  }

  /** Newest first; `before` is the id of the last entry of the previous page. */
  async list(filter: { supervisorId?: string; agentId?: string; from?: number; to?: number; before?: number; limit: number }): Promise<AuditEntry[]> {
    const { auditLog } = this.store.tables;
    const where: SQL[] = [];
    if (filter.supervisorId) where.push(eq(auditLog.supervisorId, filter.supervisorId));
    if (filter.agentId) where.push(eq(auditLog.agentId, filter.agentId));
    if (filter.from !== undefined) where.push(gte(auditLog.at, filter.from));
    if (filter.to !== undefined) where.push(lt(auditLog.at, filter.to));
    if (filter.before !== undefined) where.push(lt(auditLog.id, filter.before));
    const rows = await this.store.db
      .select()
      .from(auditLog)
      .where(and(...where))
      .orderBy(desc(auditLog.id))
      .limit(filter.limit);
    return rows.map((r) => ({ ...r, at: new Date(r.at).toISOString(), detail: r.detail ? (JSON.parse(r.detail) as Record<string, unknown>) : null }));
  }
}
