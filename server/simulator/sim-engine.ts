import type { WireEvent } from '../ingest/event-schema.js';
import { AfterCall } from './after-call.js';
import { Agenda } from './agenda.js';
import { AgentShifts } from './agent-shifts.js';
import type { CentreModel } from './centre-model.js';
import { InboundCalls } from './inbound-calls.js';
import { OutboundCalls } from './outbound-calls.js';
import { Random } from '../lib/random.js';
import { newAgent, type SimAgent, type SimCall, type SimQueue } from './sim-state.js';
import { SupervisorCommands } from './supervisor-commands.js';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** An event as a behaviour reports it; the engine stamps id and instant. */
export type SimEvent = DistributiveOmit<WireEvent, 'id' | 'at'>;

/** What a run is: its letter goes into every id it makes. */
export type RunKind = 'backfill' | 'adopt' | 'live';
const RUN_LETTER: Record<RunKind, string> = { backfill: 'b', adopt: 'a', live: 'l' };

/**
 * The discrete-event core: simulated time, the agenda, the simulated floor,
 * and the events produced, handed out in batches. Behaviours (calls, shifts,
 * supervisor commands) schedule actions on it and report what happens.
 */
export class SimEngine {
  now = 0;
  started = false;
  eventCount = 0;
  callCount = 0;
  readonly rng: Random;
  readonly agents = new Map<string, SimAgent>();
  readonly queues = new Map<string, SimQueue>();
  /** Open calls. */
  readonly calls = new Map<string, SimCall>();
  readonly inbound: InboundCalls;
  readonly outbound: OutboundCalls;
  readonly afterCall: AfterCall;
  readonly shifts: AgentShifts;
  readonly supervisor: SupervisorCommands;

  private readonly agenda = new Agenda();
  private out: WireEvent[] = [];
  private prefix = '';
  private isoMs = NaN;
  private iso = '';

  constructor(
    readonly model: CentreModel,
    private readonly seed: number,
  ) {
    this.rng = new Random(seed);
    for (const q of model.queues) this.queues.set(q.id, { model: q, waiting: [], agents: [] });
    for (const m of model.agents) {
      const agent = newAgent(m);
      this.agents.set(m.id, agent);
      for (const q of m.queues) this.queues.get(q)?.agents.push(agent);
    }
    this.inbound = new InboundCalls(this);
    this.outbound = new OutboundCalls(this);
    this.afterCall = new AfterCall(this);
    this.shifts = new AgentShifts(this);
    this.supervisor = new SupervisorCommands(this);
  }

  /**
   * Starts a run at `at` (or, once started, renames what follows). Ids carry the
   * seed, the run's kind and its start, so a repeated backfill repeats its ids
   * exactly while separate runs never collide.
   */
  begin(kind: RunKind, at: number): void {
    this.prefix = `sim${this.seed}${RUN_LETTER[kind]}${Math.round(at).toString(36)}-`;
    if (!this.started) {
      this.now = Math.round(at);
      this.started = true;
    }
  }

  at(time: number, run: () => void): void {
    this.agenda.push(Math.max(Math.round(time), this.now), run);
  }

  after(delayMs: number, run: () => void): void {
    this.at(this.now + delayMs, run);
  }

  emit(e: SimEvent): void {
    if (this.now !== this.isoMs) {
      this.isoMs = this.now;
      this.iso = new Date(this.now).toISOString();
    }
    const w = e as WireEvent;
    w.id = this.prefix + (this.eventCount++).toString(36);
    w.at = this.iso;
    this.out.push(w);
  }

  newCallId(): string {
    return `${this.prefix}c${(this.callCount++).toString(36)}`;
  }

  /** Runs `run` after `delayMs` unless the call has moved on (changed phase) meanwhile. */
  step(call: SimCall, delayMs: number, run: () => void): void {
    const version = call.version;
    this.after(delayMs, () => {
      if (call.version === version) run();
    });
  }

  /** The call is over: no step of it runs any more. */
  close(call: SimCall): void {
    call.phase = 'ended';
    call.version++;
    this.calls.delete(call.id);
  }

  /**
   * Runs every action due before `toMs`, handing events to `flush` in time order, at most `batchSize` at a time;
   * each batch is taken (stored) before simulated time goes on.
   */
  async advanceTo(toMs: number, flush: (events: WireEvent[]) => Promise<unknown>, batchSize: number): Promise<void> {
    while (this.agenda.peekTime() < toMs) {
      const next = this.agenda.pop()!;
      this.now = next.at;
      next.run();
      if (this.out.length >= batchSize) await this.flush(flush, batchSize);
    }
    if (toMs > this.now) this.now = Math.round(toMs);
    await this.flush(flush, batchSize);
  }

  private async flush(to: (events: WireEvent[]) => Promise<unknown>, batchSize: number): Promise<void> {
    const out = this.out;
    this.out = [];
    // One action can report several events, so the buffer may run past a batch.
    for (let i = 0; i < out.length; i += batchSize) await to(out.length <= batchSize ? out : out.slice(i, i + batchSize));
  }
}
