import type { Redis } from 'ioredis';
import { BUS_FORMAT, decodeMessage, encodeMessage, type BusMessage } from './bus-message.js';
import type { BusOffset } from './bus-offset.js';
import { POSITION_SCRIPT, runScript, type BusKeys } from './bus-scripts.js';

const ERROR_PAUSE_MS = 250;

/** One entry of the bus, as every node reads it. */
export interface BusEntry {
  offset: BusOffset;
  /** Its number in the epoch: 1, 2, 3… */
  count: number;
  /** The node that published it. */
  node: string;
  message: BusMessage;
}

/** The bus's end: the last entry of the current epoch. */
export interface BusPosition extends BusOffset {
  count: number;
}

/** Why a follower cannot go on from where it was: `epoch`, the stream was lost (Redis restarted without its data, or reset); `gap`, entries it had not read were trimmed away; `unreadable`, an entry in a format this node does not know. */
export type BusResetReason = 'epoch' | 'gap' | 'unreadable';

export interface BusHandler {
  /** Applies one entry; entries come one at a time, in the stream's order, the next after this returns (or its promise settles). */
  apply(entry: BusEntry): void | Promise<void>;
  /**
   * What was missed cannot be replayed: rebuild from the database (the record), everything up to
   * `from` at least is in it. The follower goes on after `from`; what follows may already be in
   * what was rebuilt, so applying must be idempotent (events by their `seq`).
   */
  reset(reason: BusResetReason, from: BusPosition): void | Promise<void>;
}

export interface FollowerOptions {
  keys: BusKeys;
  node: string;
  maxlen: number;
  /** Entries read at a time. */
  batch: number;
  /** How long one XREAD waits for new entries before it asks again. */
  blockMs: number;
  drawEpoch: () => string;
  onError: (err: unknown) => void;
}

/**
 * Reads the bus from a position on its own (blocking) connection and hands each entry to the
 * handler, in order, checking on the way that nothing is skipped: every entry must carry the
 * epoch being followed and the next number. After the connection is lost and back, the epoch is
 * checked before reading on: a Redis that restarted empty has a new stream, maybe nothing in it yet.
 */
export class BusFollower {
  private closed = false;
  /** Set when the connection came back: check the epoch before the next read. */
  private reconnected = false;
  private readonly done: Promise<void>;

  constructor(
    private readonly redis: Redis,
    private position: BusPosition,
    private readonly handler: BusHandler,
    private readonly options: FollowerOptions,
  ) {
    redis.on('ready', this.onReady);
    this.done = this.run();
  }

  /** Where this follower is: the last entry it applied (or reset to). */
  get offset(): BusPosition {
    return this.position;
  }

  /** Stops after the entry being applied; the connection is the caller's to close. */
  async stop(): Promise<void> {
    this.closed = true;
    this.redis.off('ready', this.onReady);
    await this.done;
  }

  private readonly onReady = () => {
    this.reconnected = true;
  };

  private async run(): Promise<void> {
    while (!this.closed) {
      try {
        if (this.reconnected) {
          this.reconnected = false;
          const now = await this.end();
          if (now.epoch !== this.position.epoch) await this.reset('epoch', now);
          continue;
        }
        const { batch, blockMs, keys } = this.options;
        const reply = await this.redis.xread('COUNT', batch, 'BLOCK', blockMs, 'STREAMS', keys.stream, this.position.id);
        for (const [id, fields] of reply?.[0]?.[1] ?? []) {
          if (this.closed || !(await this.take(id, fields))) break;
        }
      } catch (err) {
        // A lost connection rejects the read (ioredis does not resend it); the next read waits for the connection to return.
        // Anything else (a handler's bug) would fail again at once: a pause keeps it from spinning.
        if (this.closed) break;
        this.options.onError(err);
        await new Promise((resolve) => setTimeout(resolve, ERROR_PAUSE_MS));
      }
    }
  }

  /** Applies one entry; false when it started a reset, so the rest of the read is dropped and reading goes on from the new position. */
  private async take(id: string, fields: string[]): Promise<boolean> {
    const field = fieldsOf(fields);
    const epoch = field.get('e');
    const count = Number(field.get('i'));
    if (epoch !== this.position.epoch) return this.reset('epoch', await this.end());
    if (count !== this.position.count + 1) return this.reset('gap', await this.end());
    const message = decodeMessage(field.get('f'), field.get('m'));
    if (message === null) return this.reset('unreadable', await this.end());
    const entry: BusEntry = { offset: { epoch, id }, count, node: field.get('n') ?? '', message };
    if (message.kind !== 'epoch') await this.handler.apply(entry);
    this.position = { epoch, id, count };
    return true;
  }

  private async reset(reason: BusResetReason, from: BusPosition): Promise<false> {
    await this.handler.reset(reason, from);
    this.position = from;
    return false;
  }

  /** The bus's end now (beginning a stream when there is none). */
  private async end(): Promise<BusPosition> {
    return busEnd(this.redis, this.options);
  }
}

/** The last entry of the bus's current epoch, beginning a new epoch (and its stream) when Redis has none. */
export async function busEnd(
  redis: Redis,
  options: Pick<FollowerOptions, 'keys' | 'node' | 'maxlen' | 'drawEpoch'>,
): Promise<BusPosition> {
  const epochMessage: BusMessage = { kind: 'epoch' };
  const [epoch, id, count] = await runScript(redis, POSITION_SCRIPT, options.keys, [
    options.drawEpoch(),
    options.maxlen,
    options.node,
    BUS_FORMAT,
    encodeMessage(epochMessage),
  ]);
  return { epoch, id, count: Number(count) };
}

export function fieldsOf(flat: readonly string[]): Map<string, string> {
  const map = new Map<string, string>();
  for (let i = 0; i + 1 < flat.length; i += 2) map.set(flat[i]!, flat[i + 1]!);
  return map;
}
