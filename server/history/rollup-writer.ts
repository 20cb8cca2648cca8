import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/client.js';
import type { QueueThresholds } from '../../common/metrics.js';
import { contributionsOf, type Contribution, type FamilyName, type RollupFacts } from '../domain/rollup-cells.js';
import { bucketExtent, firstOpenMonth, seal, sealLine } from './day-sealing.js';
import { queueThresholds, readMeta, thresholdsOf } from './rollup-meta.js';
import { syncRollups } from './rollup-rebuild.js';
import { FAMILY_NAMES, hourOf, ROLLUP_TABLES, tableOf, type FamilyTables, type Level } from './rollup-tables.js';
import { monthOfDay, systemZoneName, Zone } from '../domain/zone.js';

interface Pending {
  family: FamilyName;
  period: number;
  dims: string[];
  values: number[];
}

interface FamilyStatements {
  upsert: Record<Level, Statement>;
  deleteEmpty: Record<Level, Statement>;
  insertKey: Statement;
}

const SEP = '\u001f';

/** The levels summed from the buckets behind the seal line. */
const SEALED_LEVELS = ['hour', 'day', 'month'] as const;
type SealedLevel = (typeof SEALED_LEVELS)[number];

/**
 * Keeps the interval rollups in step with the facts, inside the transaction that
 * writes them (server/history/fact-writer.ts): when a call's facts are re-derived,
 * its old facts' contributions are subtracted and the new ones added. Changes are
 * summed per cell over the whole catch-up and only cells whose counters changed
 * are written, once each, to the 15-minute tables; the seal line follows the data
 * (server/history/day-sealing.ts), and changes behind it go to their day and month rows too.
 */
export class RollupWriter {
  private readonly pending = new Map<string, Pending>();
  private readonly stmts: Record<FamilyName, FamilyStatements>;
  private readonly knownKeys = new Map<FamilyName, Set<string>>();
  private thresholds: (queueId: string) => QueueThresholds;
  private readonly zone: Zone;
  private readonly saveLine: Statement;
  /** The seal line; null before any data. */
  private line: number | null = null;
  /** The newest bucket with data (−∞ before any). */
  private newest = -Infinity;

  constructor(private readonly db: Db) {
    // Rollups built by an older definition or with other thresholds (or never) are brought up to date first.
    syncRollups(db, readMeta(db).timeZone ?? systemZoneName());
    this.zone = Zone.of(readMeta(db).timeZone!);
    this.thresholds = thresholdsOf(queueThresholds(db));
    this.stmts = Object.fromEntries(FAMILY_NAMES.map((f) => [f, this.prepare(ROLLUP_TABLES[f])])) as Record<FamilyName, FamilyStatements>;
    // The line moves every 15 minutes of data: one prepared statement (writeMeta builds its query each time).
    this.saveLine = db.$client.prepare(
      "INSERT INTO rollup_meta (key, value) VALUES ('sealed_before', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    );
    this.loadState();
  }

  /**
   * After a queue's thresholds changed live (directory administration): the queue rollups are
   * rebuilt from the facts with the new ones, as a restart would, and new cells use them.
   * Call with nothing pending (History.thresholdsChanged writes it first).
   */
  thresholdsChanged(): void {
    syncRollups(this.db, this.zone.name);
    this.thresholds = thresholdsOf(queueThresholds(this.db));
    this.loadState();
  }

  /** Where sealing stands, as stored. */
  private loadState(): void {
    const line = readMeta(this.db).sealedBefore;
    this.line = line === null ? null : Number(line);
    this.newest = bucketExtent(this.db, FAMILY_NAMES)?.newest ?? -Infinity;
    this.knownKeys.clear();
  }

  /** What a call's closed facts add to the rollups. */
  contributionsOf(facts: RollupFacts): Contribution[] {
    return contributionsOf(facts, this.thresholds);
  }

  /**
   * A call's facts changed from those that contributed `before` to `facts`:
   * takes the old contributions out and puts the new ones in (nothing when they
   * are the same, as after most events). Returns the new contributions.
   */
  move(before: Contribution[], facts: RollupFacts): Contribution[] {
    const after = contributionsOf(facts, this.thresholds);
    if (sameContributions(before, after)) return before;
    for (const c of before) this.add(c, -1);
    for (const c of after) this.add(c, 1);
    return after;
  }

  /** Adds contributions that are never taken back (agent time, accounted as it passes). */
  addAll(contributions: readonly Contribution[]): void {
    for (const c of contributions) this.add(c, 1);
  }

  /** Changes not yet written. */
  get hasPending(): boolean {
    return this.pending.size > 0;
  }

  private add(c: Contribution, sign: 1 | -1): void {
    const key = `${c.family}${SEP}${c.bucket}${SEP}${c.dims.join(SEP)}`;
    const p = this.pending.get(key);
    if (p) for (let i = 0; i < c.values.length; i++) p.values[i]! += sign * c.values[i]!;
    else this.pending.set(key, { family: c.family, period: c.bucket, dims: c.dims, values: c.values.map((v) => sign * v) });
  }

  /** Writes the batch's changes and moves the seal line after the data. Call inside the transaction that wrote the facts. */
  flush(): void {
    const sealed: Record<SealedLevel, Map<string, Pending>> = { hour: new Map(), day: new Map(), month: new Map() };
    const addTo = (level: SealedLevel, p: Pending, period: number) => {
      const key = `${p.family}${SEP}${period}${SEP}${p.dims.join(SEP)}`;
      const x = sealed[level].get(key);
      if (x) for (let i = 0; i < p.values.length; i++) x.values[i]! += p.values[i]!;
      else sealed[level].set(key, { ...p, period, values: [...p.values] });
    };
    let oldest = Infinity;
    for (const p of this.pending.values()) {
      if (p.values.every((v) => v === 0)) continue;
      this.write(p, 'bucket');
      this.ensureKey(p.family, p.dims);
      oldest = Math.min(oldest, p.period);
      this.newest = Math.max(this.newest, p.period);
      if (this.line === null || p.period >= this.line) continue;
      addTo('hour', p, hourOf(p.period));
      const day = this.zone.dayOf(p.period);
      addTo('day', p, day);
      if (monthOfDay(day) < firstOpenMonth(this.zone, this.line)) addTo('month', p, monthOfDay(day));
    }
    for (const level of SEALED_LEVELS) for (const x of sealed[level].values()) if (x.values.some((v) => v !== 0)) this.write(x, level);
    this.pending.clear();
    if (oldest === Infinity) return;
    if (this.line === null) {
      // The first data: nothing before it to sum.
      this.line = oldest;
      this.saveLine.run(String(this.line));
    }
    this.moveLine(sealLine(this.newest));
  }

  /** Forgets unwritten changes, and what a rolled-back flush may have sealed or keyed. */
  discard(): void {
    this.pending.clear();
    this.loadState();
  }

  private moveLine(to: number): void {
    if (to <= this.line!) return;
    seal(this.db, this.zone, FAMILY_NAMES, this.line!, to);
    this.line = to;
    this.saveLine.run(String(to));
  }

  private write(p: Pending, level: Level): void {
    const s = this.stmts[p.family];
    s.upsert[level].run(...p.dims, p.period, ...p.values);
    // A cell whose last fact moved elsewhere is removed, as a rebuild would not have it.
    if (p.values.some((v) => v < 0)) s.deleteEmpty[level].run(...p.dims, p.period);
  }

  private ensureKey(family: FamilyName, dims: string[]): void {
    let known = this.knownKeys.get(family);
    if (!known) {
      const t = ROLLUP_TABLES[family];
      const rows = this.db.$client.prepare(`SELECT ${t.dims.join(', ')} FROM ${t.keys}`).raw().all() as string[][];
      known = new Set(rows.map((r) => r.join(SEP)));
      this.knownKeys.set(family, known);
    }
    const key = dims.join(SEP);
    if (known.has(key)) return;
    this.stmts[family].insertKey.run(...dims);
    known.add(key);
  }

  private prepare(t: FamilyTables): FamilyStatements {
    const client = this.db.$client;
    const upsert = (level: Level) => {
      const cols = [...t.dims, level, ...t.values];
      return client.prepare(
        `INSERT INTO ${tableOf(t, level)} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})
         ON CONFLICT (${[...t.dims, level].join(', ')}) DO UPDATE SET ${t.values.map((v) => `${v} = ${v} + excluded.${v}`).join(', ')}`,
      );
    };
    const deleteEmpty = (level: Level) =>
      client.prepare(
        `DELETE FROM ${tableOf(t, level)} WHERE ${[...t.dims, level].map((c) => `${c} = ?`).join(' AND ')} AND ${t.values.map((v) => `${v} = 0`).join(' AND ')}`,
      );
    const levels = ['bucket', ...SEALED_LEVELS] as const;
    return {
      upsert: Object.fromEntries(levels.map((l) => [l, upsert(l)])) as Record<Level, Statement>,
      deleteEmpty: Object.fromEntries(levels.map((l) => [l, deleteEmpty(l)])) as Record<Level, Statement>,
      insertKey: client.prepare(`INSERT OR IGNORE INTO ${t.keys} (${t.dims.join(', ')}) VALUES (${t.dims.map(() => '?').join(', ')})`),
    };
  }
}

const sameList = (a: readonly (string | number)[], b: readonly (string | number)[]) => a.length === b.length && a.every((x, i) => x === b[i]);

function sameContributions(a: readonly Contribution[], b: readonly Contribution[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const [x, y] = [a[i]!, b[i]!];
    if (x.family !== y.family || x.bucket !== y.bucket || !sameList(x.dims, y.dims) || !sameList(x.values, y.values)) return false;
  }
  return true;
}
