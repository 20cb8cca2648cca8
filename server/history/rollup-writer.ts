import type { QueueThresholds } from '../../common/metrics.js';
import { META_KEYS } from '../db/meta-keys.js';
import { contributionsOf, type Contribution, type FamilyName, type RollupFacts } from '../domain/rollup-cells.js';
import { firstOpenMonth, sealLine } from './day-sealing.js';
import type { HistoryReads } from './history-reads.js';
import type { HistoryWrites } from './history-writes.js';
import { thresholdsOf } from './rollup-meta.js';
import { FAMILY_NAMES, hourOf, type Level } from './rollup-tables.js';
import { monthOfDay, systemZoneName, Zone } from '../domain/zone.js';

interface Pending {
  family: FamilyName;
  period: number;
  dims: string[];
  values: number[];
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
  private readonly knownKeys = new Map<FamilyName, Set<string>>();
  private thresholds: (queueId: string) => QueueThresholds;
  private readonly zone: Zone;
  /** The seal line; null before any data. */
  private line: number | null = null;
  /** The newest bucket with data (−∞ before any). */
  private newest = -Infinity;

  constructor(
    private readonly reads: HistoryReads,
    private readonly writes: HistoryWrites,
  ) {
    // Rollups built by an older definition or with other thresholds (or never) are brought up to date first.
    reads.syncRollups(reads.rollupMeta().timeZone ?? systemZoneName());
    this.zone = Zone.of(reads.rollupMeta().timeZone!);
    this.thresholds = thresholdsOf(reads.queueThresholds());
    this.loadState();
  }

  /**
   * After a queue's thresholds changed live (directory administration): the queue rollups are
   * rebuilt from the facts with the new ones, as a restart would, and new cells use them.
   * Call with nothing pending (History.thresholdsChanged writes it first).
   */
  thresholdsChanged(): void {
    this.reads.syncRollups(this.zone.name);
    this.thresholds = thresholdsOf(this.reads.queueThresholds());
    this.loadState();
  }

  /** Where sealing stands, as stored. */
  private loadState(): void {
    const line = this.reads.rollupMeta().sealedBefore;
    this.line = line === null ? null : Number(line);
    this.newest = this.reads.bucketExtent(FAMILY_NAMES)?.newest ?? -Infinity;
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
      this.writes.saveMeta(META_KEYS.sealedBefore, String(this.line));
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
    this.writes.seal(this.zone, this.line!, to);
    this.line = to;
    this.writes.saveMeta(META_KEYS.sealedBefore, String(to));
  }

  private write(p: Pending, level: Level): void {
    this.writes.addToCell(p.family, level, p.dims, p.period, p.values);
    // A cell whose last fact moved elsewhere is removed, as a rebuild would not have it.
    if (p.values.some((v) => v < 0)) this.writes.deleteIfEmpty(p.family, level, p.dims, p.period);
  }

  private ensureKey(family: FamilyName, dims: string[]): void {
    let known = this.knownKeys.get(family);
    if (!known) {
      known = new Set(this.reads.keysOf(family).map((r) => r.join(SEP)));
      this.knownKeys.set(family, known);
    }
    const key = dims.join(SEP);
    if (known.has(key)) return;
    this.writes.insertKey(family, dims);
    known.add(key);
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
