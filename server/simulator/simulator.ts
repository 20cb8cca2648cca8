import type { CommandAdapter } from '../commands/command.js';
import type { Directory } from '../directory/directory.js';
import { emptyFloor, type FloorState } from '../domain/floor-state.js';
import { MAX_EVENTS_PER_BATCH } from '../ingest/event-schema.js';
import type { WireEvent } from '../ingest/event-schema.js';
import type { IngestResult, IngestService } from '../ingest/ingest-service.js';
import { runBackfill, type BackfillOptions, type BackfillStats } from './backfill.js';
import { buildCentreModel } from './centre-model.js';
import { ChatReplies, type ChatDesk } from './chat-replies.js';
import { LiveRunner } from './live-runner.js';
import { SimAdapter } from './sim-adapter.js';
import { SimEngine } from './sim-engine.js';
import { takeOverFloor } from './take-over-floor.js';

export type { BackfillOptions, BackfillProgress, BackfillStats } from './backfill.js';

export interface SimulatorOptions {
  directory: Directory;
  seed: number;
  /** Inbound calls per day; default about 45 per agent. */
  callsPerDay?: number;
}

/**
 * The built-in contact centre: agents working shifts, callers queueing, calls
 * answered, held, transferred and abandoned, all posted through the same
 * ingestion path as a real platform. Seeded: a backfill replays exactly.
 */
export class Simulator {
  readonly adapter: CommandAdapter;
  private readonly engine: SimEngine;
  private live: { runner: LiveRunner; clock: () => number } | null = null;
  private readonly seed: number;

  constructor(options: SimulatorOptions) {
    this.seed = options.seed;
    this.engine = new SimEngine(buildCentreModel(options.directory, options.seed, options.callsPerDay), options.seed);
    this.adapter = new SimAdapter(this.engine, () => this.live?.clock() ?? this.engine.now);
  }

  /** Inbound calls a day the centre is sized for. */
  get callsPerDay(): number {
    return this.engine.model.callsPerDay;
  }

  /**
   * Fast-forwards simulated time [fromMs, toMs), posting events in batches
   * through ingest. A fresh simulator starts the centre at `fromMs` (agents on
   * shift signing in); one already running (adopted, or backfilled before)
   * carries on, and `fromMs` must be where it stands. The history of the events
   * is written by whoever follows ingestion (server/history/history.ts).
   */
  async backfill(ingest: IngestService, fromMs: number, toMs: number, options: BackfillOptions = {}): Promise<BackfillStats> {
    const engine = this.engine;
    if (!engine.started) {
      engine.begin('backfill', fromMs);
      takeOverFloor(engine, emptyFloor());
    } else if (Math.round(fromMs) !== engine.now) {
      throw new Error(`The simulator stands at ${new Date(engine.now).toISOString()}; a backfill continues from there.`);
    }
    const batchSize = Math.max(1, Math.min(MAX_EVENTS_PER_BATCH, options.batchSize ?? MAX_EVENTS_PER_BATCH));
    // Simulated history is older than the acceptance window by design.
    return ingest.backfilling(fromMs, () => runBackfill(engine, (events) => ingest.ingestBody({ events }), toMs, batchSize, options.onProgress));
  }

  /** Takes over the floor as the live projection has it (after a restart) and carries on from `nowMs`. */
  adopt(floor: FloorState, nowMs: number): void {
    if (this.engine.started) throw new Error('adopt() takes over a floor before the simulator has run.');
    this.engine.begin('adopt', nowMs);
    takeOverFloor(this.engine, floor);
  }

  /** Real time: about every 250 ms advances to clock() and posts what is due through `sink`. Continues a backfill or adoption seamlessly. */
  startLive(sink: (events: WireEvent[]) => Promise<IngestResult>, clock: () => number = Date.now): void {
    this.stop();
    const engine = this.engine;
    const cold = !engine.started;
    engine.begin('live', clock());
    if (cold) takeOverFloor(engine, emptyFloor());
    const runner = new LiveRunner(engine, sink, clock);
    this.live = { runner, clock };
    runner.start();
  }

  /** The simulated agents answer supervisors' chat, except agents whose desk a person has open (`attended`). */
  answerChat(chat: ChatDesk, attended: (agentId: string) => boolean): void {
    const replies = new ChatReplies(this.engine, () => this.live?.clock() ?? this.engine.now, this.seed, chat, attended);
    chat.onSent((message) => replies.receive(message));
  }

  stop(): void {
    this.live?.runner.stop();
    this.live = null;
  }
}
