import type { Directory } from '../../directory/directory.js';
import type { LiveFloor } from '../../floor/live-floor.js';
import type { WireEvent } from '../../ingest/event-schema.js';
import { ApiError } from '../../lib/errors.js';
import type { EventSink, Platform } from '../platform.js';
import { PlatformStatusTracker } from '../platform-status.js';
import { AmiClient, parseAmiUrl, type AmiClientOptions } from './ami-client.js';
import { AmiCommands } from './ami-commands.js';
import { AmiEventMapper } from './ami-events.js';
import type { AmiMessage } from './ami-message.js';
import { reconcile } from './ami-reconcile.js';

export interface AsteriskPlatformOptions {
  directory: Directory;
  floor: LiveFloor;
  clock?: () => number;
  log?: (line: string) => void;
  ami?: Partial<AmiClientOptions>;
}

/**
 * Asterisk over AMI (FLOORVIEW_AMI_URL): its queue and channel events in, mapped onto SPEC §3
 * (ami-events.ts); after every login the floor reconciled with what Asterisk reports (ami-reconcile.ts);
 * supervisor commands out as AMI actions (ami-commands.ts).
 */
export class AsteriskPlatform implements Platform {
  readonly name = 'asterisk';
  readonly status: PlatformStatusTracker;
  readonly commands: AmiCommands;
  private readonly ami: AmiClient;
  private readonly mapper: AmiEventMapper;
  private readonly clock: () => number;
  private readonly log: (line: string) => void;
  private sink: EventSink | null = null;
  /** Mapped events waiting for the end of what the socket delivered: one ingestion batch per read. */
  private batch: WireEvent[] = [];
  private flushing = false;
  /** The batches being written, in order: a batch refused and retried event by event is done before the next goes in. */
  private sending: Promise<void> = Promise.resolve();
  /** Events that arrive while reconciling wait, so they apply to the reconciled picture. */
  private held: { message: AmiMessage; at: number }[] | null = null;

  constructor(url: string, private readonly options: AsteriskPlatformOptions) {
    this.clock = options.clock ?? Date.now;
    this.log = options.log ?? console.error;
    this.status = new PlatformStatusTracker('asterisk', 'reconnecting', this.clock);
    this.mapper = new AmiEventMapper(options.directory);
    this.ami = new AmiClient(parseAmiUrl(url), this.status, { event: (m) => this.event(m), connected: () => void this.reconcile() }, options.ami);
    this.commands = new AmiCommands(this.ami, options.directory, this.mapper);
  }

  start(sink: EventSink): void {
    this.sink = sink;
    this.ami.start();
  }

  stop(): void {
    this.ami.stop();
  }

  private event(message: AmiMessage): void {
    const at = timestampOf(message) ?? this.clock();
    if (this.held) this.held.push({ message, at });
    else this.apply(message, at);
  }

  private apply(message: AmiMessage, at: number): void {
    this.push([...this.mapper.map(message, at), ...this.commands.observe(message, at)]);
  }

  private async reconcile(): Promise<void> {
    this.held = [];
    try {
      const [queueStatus, channels] = await Promise.all([this.ami.list({ Action: 'QueueStatus' }), this.ami.list({ Action: 'CoreShowChannels' })]);
      const { directory, floor } = this.options;
      this.push(reconcile(directory, floor.state, this.mapper, queueStatus, channels, this.clock()));
    } catch (err) {
      this.log(`Asterisk: reconciling after login failed (${(err as Error).message}); the floor follows new events only`);
    } finally {
      const held = this.held ?? [];
      this.held = null;
      for (const { message, at } of held) this.apply(message, at);
    }
  }

  private push(events: readonly WireEvent[]): void {
    if (events.length === 0) return;
    this.batch.push(...events);
    if (this.flushing) return;
    this.flushing = true;
    setImmediate(() => (this.sending = this.sending.then(() => this.flush())));
  }

  private async flush(): Promise<void> {
    this.flushing = false;
    const batch = this.batch;
    this.batch = [];
    if (!this.sink || batch.length === 0) return;
    try {
      await this.sink(batch);
    } catch {
      // One event the ingestion refuses must not cost the others: each alone, the refused ones said.
      for (const e of batch) {
        try {
          await this.sink([e]);
        } catch (one) {
          const fields = one instanceof ApiError ? JSON.stringify(one.fields ?? {}) : (one as Error).message;
          this.log(`Asterisk: event ${e.id} (${e.type}) refused by ingestion: ${fields}`);
        }
      }
    }
  }
}

/** `Timestamp: 1700000000.123456` (manager.conf `timestampevents = yes`), in ms. */
function timestampOf(m: AmiMessage): number | null {
  const t = Number(m.get('Timestamp'));
  return Number.isFinite(t) && t > 0 ? Math.round(t * 1000) : null;
}
