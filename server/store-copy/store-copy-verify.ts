import { isDeepStrictEqual } from 'node:util';
import { sql } from 'drizzle-orm';
import { scopeOf } from '../auth/principal.js';
import type { Store } from '../db/store.js';
import { Directory } from '../directory/directory.js';
import { DAY_MS, Zone } from '../domain/zone.js';
import { StatsService, type RankedRequest, type Source } from '../stats/stats-service.js';
import type { CopyTable } from './store-copy-tables.js';

/** Every table's row count on both stores. */
export async function compareCounts(source: Store, target: Store, tables: CopyTable[]): Promise<string[]> {
  const differ: string[] = [];
  for (const t of tables) {
    const count = async (store: Store) => Number((await store.get<{ n: number }>(sql`SELECT count(*) AS n FROM ${sql.identifier(t.name)}`))!.n);
    const [from, to] = [await count(source), await count(target)];
    if (from !== to) differ.push(`${t.name}: ${from} rows in the source, ${to} in the target`);
  }
  return differ;
}

/**
 * A sample of the statistics, asked of both stores as the server would: per queue, per agent
 * and per wrap-up reason for the last day with events and the week ending with it (the rollups
 * at every level those ranges read), and the week's queues counted from the facts themselves.
 * Both stores are read as they stand: a stopped centre has no history pending.
 */
export async function compareStatistics(source: Store, target: Store): Promise<string[]> {
  const last = await source.get<{ at: number | null }>(sql`SELECT max(at) AS at FROM events`);
  if (last?.at === null || last?.at === undefined) return [];
  const [from, to] = [await open(source), await open(target)];
  const day = isoDay(from.reportingZone.dayOf(last.at));
  const weekStart = isoDay(from.reportingZone.dayOf(last.at) - 6);
  const scope = scopeOf(from.directory.queues.keys());
  const ranking = { order: 'desc', limit: 1000 } as const;
  const asks: [string, (s: StatsService) => Promise<unknown>][] = [];
  for (const [label, range] of [
    [`the day ${day}`, { from: day, to: day }],
    [`the week ${weekStart} to ${day}`, { from: weekStart, to: day }],
  ] as const) {
    const req: RankedRequest = { ...range, ...ranking };
    asks.push([`queues for ${label}`, (s) => s.queues(scope, req)]);
    asks.push([`agents for ${label}`, (s) => s.agents(scope, req)]);
    asks.push([`wrap-ups for ${label}`, (s) => s.wrapups(scope, req)]);
  }
  const facts: Source = 'facts';
  asks.push([`queues from the facts for the week ${weekStart} to ${day}`, (s) => s.queues(scope, { from: weekStart, to: day, ...ranking }, facts)]);
  const differ: string[] = [];
  for (const [what, ask] of asks) {
    if (!isDeepStrictEqual(await ask(from.stats), await ask(to.stats))) differ.push(what);
  }
  return differ;
}

async function open(store: Store): Promise<{ stats: StatsService; directory: Directory; reportingZone: Zone }> {
  const directory = await Directory.load(store);
  const stats = await StatsService.open(store, directory, { upToDate: async () => undefined });
  return { stats, directory, reportingZone: stats.reportingZone };
}

const isoDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
