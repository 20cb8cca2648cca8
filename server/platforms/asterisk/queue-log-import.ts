import type { WireEvent } from '../../ingest/event-schema.js';
import type { IngestResult } from '../../ingest/ingest-service.js';
import type { Zone } from '../../domain/zone.js';
import { asteriskCallId } from './asterisk-ids.js';
import { callEvents, CALL_ENDS, type CallOutcome, CALL_EVENTS, lineKey, MEMBER_EVENTS, memberEvent, NotInDirectory, type QueueLogLookups } from './queue-log-events.js';
import { isNone, parseQueueLogLine, SkippedLine, type QueueLogLine } from './queue-log-line.js';
import type { ImportSummary } from './queue-log-summary.js';

/** Where the events go: the ingestion path, in this process or over HTTP (queue-log-sinks.ts). */
export interface EventSink {
  /** Throws `RefusedBatch` when ingestion refuses the batch (nothing of it stored). */
  write(events: WireEvent[]): Promise<IngestResult>;
  /**
   * Whether the store already has this call from another source (live over AMI): its queue_log lines
   * would then count it twice, as the two give one call the same call id but different event ids.
   */
  recordedElsewhere(callId: string): Promise<boolean>;
}

/** Ingestion's 400: each bad field, as `events[i].field`. */
export class RefusedBatch extends Error {
  constructor(readonly fields: Record<string, string>) {
    super(Object.entries(fields).map(([k, v]) => `${k}: ${v}`).join('; '));
  }
}

/** Every queue member and queue the file names, for the directory skeleton. */
export interface SkeletonSink {
  see(member: string | null, queue: string | null): void;
}

/** Lines of a call may come this much (log time) after its end and still be part of it. */
const REORDER_MS = 60_000;
/** A call with no line for this long (log time) will not complete: its lines are reported, and memory freed. */
const STALE_MS = 6 * 3_600_000;
const BATCH_EVENTS = 2_000;

interface PendingCall {
  id: string;
  lines: QueueLogLine[];
  /** Log time of its latest line. */
  lastAt: number;
  done: boolean;
}

/** A call or a member line: written whole or not at all. */
interface Unit {
  events: WireEvent[];
  lines: number[];
  outcome?: CallOutcome;
}

/**
 * queue_log lines in, whole calls out to the ingestion path. A call is written once its end line is in
 * and the log has moved `REORDER_MS` past it (lines written out of order still join it), all its events
 * in one batch: a refused or incomplete call leaves nothing behind. Memory holds only calls in progress.
 */
export class QueueLogImport {
  private readonly calls = new Map<string, PendingCall>();
  /** Calls in the order they were first seen: stale ones are found at the head. */
  private readonly byAge: PendingCall[] = [];
  private ageHead = 0;
  private logClock = -Infinity;
  private batch: Unit[] = [];
  private batchEvents = 0;

  constructor(
    private readonly sink: EventSink,
    private readonly lookups: QueueLogLookups,
    private readonly zone: Zone,
    readonly summary: ImportSummary,
    private readonly skeleton?: SkeletonSink,
  ) {}

  /** One line of the file (without its end of line); `terminated` false for a last line with none. */
  async line(text: string, n: number, terminated = true): Promise<void> {
    this.summary.linesRead++;
    if (text.trim() === '') return;
    const l = parseQueueLogLine(text.endsWith('\r') ? text.slice(0, -1) : text, n, this.zone);
    if (l instanceof SkippedLine) return this.summary.skip(terminated ? l.reason : 'truncated last line', [n]);
    const member = isNone(l.member) ? null : l.member;
    const queue = isNone(l.queue) ? null : l.queue;
    this.skeleton?.see(member, queue);
    if (member !== null && this.lookups.agentOf(member) === undefined) this.summary.notInDirectory('member', member);
    if (queue !== null && this.lookups.queueOf(queue) === undefined) this.summary.notInDirectory('queue', queue);
    if (l.at > this.logClock) this.logClock = l.at;
    if (MEMBER_EVENTS.has(l.event)) this.member(l);
    else if (CALL_EVENTS.has(l.event)) {
      if (isNone(l.callId)) this.summary.skip('call event without a call id', [n]);
      else this.callLine(l);
    }
    await this.settle(false);
  }

  /** Writes every complete call now (a followed file went quiet): waiting longer would only delay them. */
  async idle(): Promise<void> {
    await this.settle(true);
  }

  /** The end of the input: complete calls are written, the rest reported. */
  async finish(): Promise<void> {
    await this.settle(true);
    for (const c of this.calls.values()) this.summary.skip('call not complete at the end of the file', c.lines.map((l) => l.n));
    this.calls.clear();
    await this.flush();
  }


  private member(l: QueueLogLine): void {
    const e = memberEvent(l, this.lookups);
    if (e instanceof NotInDirectory) return this.missing(e, [l.n]);
    if (e) this.add({ events: [e], lines: [l.n] });
  }

  private callLine(l: QueueLogLine): void {
    let c = this.calls.get(l.callId);
    if (!c) {
      c = { id: l.callId, lines: [], lastAt: l.at, done: false };
      this.calls.set(l.callId, c);
      this.byAge.push(c);
    }
    c.lines.push(l);
    if (l.at >= c.lastAt) {
      c.lastAt = l.at;
      c.done = CALL_ENDS.has(l.event);
    }
  }

  private async settle(all: boolean): Promise<void> {
    // Walk from the oldest call while calls there are done with (written) or gone stale.
    while (this.ageHead < this.byAge.length) {
      const c = this.byAge[this.ageHead]!;
      if (this.calls.get(c.id) !== c) {
        this.ageHead++;
        continue;
      }
      const quietFor = this.logClock - c.lastAt;
      if (c.done && (all || quietFor >= REORDER_MS)) await this.complete(c);
      else if (!c.done && quietFor >= STALE_MS) {
        this.calls.delete(c.id);
        this.summary.skip('call never completed (no end line within 6 hours)', c.lines.map((x) => x.n));
      } else if (!all) break;
      this.ageHead++;
    }
    if (this.ageHead > 4096 && this.ageHead * 2 > this.byAge.length) {
      this.byAge.splice(0, this.ageHead);
      this.ageHead = 0;
    }
    if (all) {
      // Calls still in progress stay; the walk starts over at the next settle.
      this.byAge.length = 0;
      for (const c of this.calls.values()) this.byAge.push(c);
      this.ageHead = 0;
      await this.flush();
    } else if (this.batchEvents >= BATCH_EVENTS) await this.flush();
  }

  private async complete(c: PendingCall): Promise<void> {
    this.calls.delete(c.id);
    const seen = new Set<string>();
    const lines: QueueLogLine[] = [];
    const duplicates: number[] = [];
    for (const l of c.lines.sort((a, b) => a.at - b.at || a.n - b.n)) {
      const key = lineKey(l);
      if (seen.has(key)) duplicates.push(l.n);
      else {
        seen.add(key);
        lines.push(l);
      }
    }
    if (duplicates.length > 0) this.summary.skip('duplicate line', duplicates);
    const numbers = lines.map((l) => l.n);
    if (await this.sink.recordedElsewhere(asteriskCallId(c.id))) return this.summary.skip('call already recorded live (over AMI)', numbers);
    const mapped = callEvents(lines, this.lookups);
    if (mapped instanceof NotInDirectory) return this.missing(mapped, numbers);
    this.add({ events: mapped.events, lines: numbers, outcome: mapped.outcome });
  }

  private missing(m: NotInDirectory, lines: number[]): void {
    this.summary.skip(`${m.kind} not in the directory`, lines);
  }

  private add(unit: Unit): void {
    this.batch.push(unit);
    this.batchEvents += unit.events.length;
  }

  /** Writes the batch; a refused one is written again without the calls and lines ingestion named. */
  private async flush(): Promise<void> {
    let units = this.batch;
    this.batch = [];
    this.batchEvents = 0;
    while (units.length > 0) {
      const events = units.flatMap((u) => u.events);
      try {
        const r = await this.sink.write(events);
        this.summary.eventsWritten += r.accepted;
        this.summary.duplicates += r.duplicates;
        for (const u of units) this.counted(u);
        return;
      } catch (err) {
        if (!(err instanceof RefusedBatch)) throw err;
        units = this.withoutRefused(units, err.fields);
      }
    }
  }

  private withoutRefused(units: Unit[], fields: Record<string, string>): Unit[] {
    const refused = new Map<number, string>();
    for (const [path, message] of Object.entries(fields)) {
      const m = /^events\[(\d+)\]\.?(.*)$/.exec(path);
      // A refusal that names no event cannot be narrowed down: every unit goes.
      if (!m) return this.refuseAll(units, `refused by ingestion: ${path}: ${message}`);
      refused.set(Number(m[1]), message);
    }
    const kept: Unit[] = [];
    let i = 0;
    for (const u of units) {
      const first = i;
      i += u.events.length;
      let message: string | undefined;
      for (let j = first; j < i && message === undefined; j++) message = refused.get(j);
      if (message === undefined) kept.push(u);
      else this.summary.skip(`refused by ingestion: ${message}`, u.lines);
    }
    return kept;
  }

  private refuseAll(units: Unit[], reason: string): Unit[] {
    for (const u of units) this.summary.skip(reason, u.lines);
    return [];
  }

  private counted(u: Unit): void {
    if (u.outcome === undefined) return;
    this.summary.calls++;
    if (u.outcome === 'answered') this.summary.answered++;
    else if (u.outcome === 'abandoned') this.summary.abandoned++;
  }
}
