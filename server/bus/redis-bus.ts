import { randomBytes } from 'node:crypto';
import { Redis, type RedisOptions } from 'ioredis';
import { BusFollower, busEnd, fieldsOf, type BusEntry, type BusHandler, type BusPosition } from './bus-follower.js';
import { BUS_FORMAT, decodeMessage, encodeMessage, type BusMessage } from './bus-message.js';
import type { BusOffset } from './bus-offset.js';
import { busKeys, PUBLISH_SCRIPT, runScript, type BusKeys } from './bus-scripts.js';

/**
 * The live bus of several nodes (issue 19), on ONE Redis stream (FLOORVIEW_REDIS_URL).
 *
 * Order. Every change a node's memory must follow (server/bus/bus-message.ts: accepted event
 * batches, chat, report status, command outcomes, alerts, the platform's status, directory edits)
 * is published with one `XADD … MAXLEN ~ N` on one stream, so Redis gives them one global order.
 * Every node, the publisher included, reads the stream (`XREAD BLOCK` from its last id, on a
 * connection of its own) and applies the entries in that order: all floors go through the same
 * sequence, so all nodes' live rows are identical. A node does not apply its own change when it
 * makes it, only when it reads it back.
 *
 * Offsets and the epoch. An entry's stream id is its offset on every node; the epoch says which
 * stream: drawn at random when a stream begins (the first start, or a Redis that came back without
 * its data), stored beside it and written into every entry, with the entry's number in the epoch
 * (bus-scripts.ts). A follower checks both on every entry and, after a lost connection, the epoch
 * before it reads on; an epoch change or a missing number resets it (rebuild from the database,
 * then follow on), never a silent gap. A client's `Last-Event-ID` will carry `<epoch>_<id>`
 * (bus-offset.ts): `replay` gives the entries after it while it is still retained in the same
 * epoch, and says `snapshot` otherwise, the same answer on every node.
 *
 * The database is the record, the bus is how nodes learn of it. A batch is committed first, then
 * published; a node dying between the two must not leave it unknown to the others. Proposed (the
 * schema change waits for issue 18 to finish, both stores' migrations at once): an outbox table,
 * `bus_outbox (id, message, created_at)`, written in the same transaction as what it announces;
 * after the commit the node publishes it and deletes the row; the leader (the node holding the
 * simulator's lease) publishes rows older than a few seconds, whoever wrote them. Reading back by
 * `seq` alone would not do on PostgreSQL: transactions commit out of `seq` order, so a hole in the
 * seqs may be a batch still committing rather than one lost. A message published twice (the
 * outbox's sweep racing a slow publisher) is applied twice: the floor skips events by `seq`, items
 * replace by id, so applying is idempotent, which resets need anyway.
 *
 * Redis lost. ioredis reconnects with backoff; `status` says `lost` meanwhile (for /health: a load
 * balancer stops sending clients), publishes fail after a few attempts (the proposed outbox would keep them),
 * and the follower waits and checks the epoch when the connection is back.
 */
export interface RedisBusOptions {
  /** This node's name in the entries it publishes. */
  node: string;
  /** The stream's name (its keys: bus-scripts.ts). */
  name?: string;
  /** Entries kept, about (`MAXLEN ~`): a resume from before them gets a snapshot. */
  maxlen?: number;
  /** Tests shorten ioredis's reconnection backoff. */
  redis?: Partial<RedisOptions>;
  /** How a lost connection or a failed read is reported; console.error by default. */
  log?: (line: string) => void;
}

export type BusState = 'connecting' | 'connected' | 'lost';

export class RedisBus {
  private readonly keys: BusKeys;
  private readonly maxlen: number;
  /** Publishes, replays and positions: commands that should fail rather than wait forever when Redis is gone. */
  private readonly commands: Redis;
  /** The follower's blocking reads: they wait for Redis to come back. */
  private readonly reader: Redis;
  private follower: BusFollower | null = null;
  private readonly listeners: ((state: BusState) => void)[] = [];
  private current: BusState = 'connecting';
  private closing = false;
  private lastError: string | null = null;
  private readonly log: (line: string) => void;

  constructor(
    url: string,
    private readonly options: RedisBusOptions,
  ) {
    this.keys = busKeys(options.name ?? 'floorview:bus');
    this.maxlen = options.maxlen ?? 50_000;
    this.log = options.log ?? console.error;
    const common: Partial<RedisOptions> = options.redis ?? {};
    this.commands = new Redis(url, { maxRetriesPerRequest: 2, ...common, connectionName: `floorview:${options.node}:commands` });
    this.reader = new Redis(url, {
      maxRetriesPerRequest: null,
      autoResendUnfulfilledCommands: false,
      ...common,
      connectionName: `floorview:${options.node}:follower`,
    });
    for (const connection of [this.commands, this.reader]) {
      connection.on('ready', () => this.updateState(false));
      connection.on('close', () => this.updateState(true));
      // Without a listener ioredis prints every failed reconnection; the state's line says the last reason once.
      connection.on('error', (err: Error) => (this.lastError = err.message));
    }
  }

  /** `connected` when both connections are up; `lost` once one of them went down or failed to connect (ioredis keeps trying). */
  get state(): BusState {
    return this.current;
  }

  onState(listener: (state: BusState) => void): void {
    this.listeners.push(listener);
  }

  /** Appends the message to the stream; its offset, the same on every node. Rejects when Redis is gone for more than a few retries. */
  async publish(message: BusMessage): Promise<BusOffset> {
    const [epoch, id] = await runScript(this.commands, PUBLISH_SCRIPT, this.keys, [
      drawEpoch(),
      this.maxlen,
      this.options.node,
      BUS_FORMAT,
      encodeMessage(message),
    ]);
    return { epoch, id };
  }

  /**
   * Publishes without waiting, for what is already committed: a failure is logged, unless Redis is
   * known to be gone (said once by the state). Until the outbox proposed above exists, a message
   * that failed is missing from the bus (never from the database).
   */
  announce(message: BusMessage): void {
    this.publish(message).catch((err: unknown) => {
      if (this.current === 'connected') this.log(`Publishing a ${message.kind} message on the live bus failed: ${(err as Error).message}`);
    });
  }

  /** The bus's end now: a node about to load its state from the database takes this first, then follows from it. */
  position(): Promise<BusPosition> {
    return busEnd(this.commands, this.endOptions());
  }

  /**
   * The entries after `from`, when every one of them is still on the bus: `from` is in the current
   * epoch and its own entry not yet trimmed away (trimming takes the oldest first). Otherwise
   * `snapshot`: the caller starts over from the current state.
   */
  async replay(from: BusOffset, limit = 10_000): Promise<BusEntry[] | 'snapshot'> {
    const end = await this.position();
    if (end.epoch !== from.epoch) return 'snapshot';
    const rows = await this.commands.xrange(this.keys.stream, from.id, '+', 'COUNT', limit + 1);
    if (rows[0]?.[0] !== from.id || rows.length > limit) return 'snapshot';
    const entries: BusEntry[] = [];
    for (const [id, flat] of rows.slice(1)) {
      const fields = fieldsOf(flat);
      const message = decodeMessage(fields.get('f'), fields.get('m'));
      if (message === null || fields.get('e') !== from.epoch) return 'snapshot';
      if (message.kind !== 'epoch') entries.push({ offset: { epoch: from.epoch, id }, count: Number(fields.get('i')), node: fields.get('n') ?? '', message });
    }
    return entries;
  }

  /** Reads the bus after `from` (usually `position()` taken before loading from the database), handing each entry to the handler in order. One follower per bus. */
  follow(from: BusPosition, handler: BusHandler): void {
    if (this.follower) throw new Error('The bus is already followed');
    this.follower = new BusFollower(this.reader, from, handler, {
      ...this.endOptions(),
      batch: 500,
      blockMs: 5_000,
      onError: (err) => this.log(`The bus's follower: ${(err as Error).message}`),
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    const follower = this.follower;
    this.follower = null;
    // Disconnecting rejects the follower's blocked read, so it can stop.
    this.reader.disconnect();
    await follower?.stop();
    // QUIT lets the publishes under way finish; a connection that is down has none to wait for.
    if (this.commands.status === 'ready') await this.commands.quit().catch(() => this.commands.disconnect());
    else this.commands.disconnect();
  }

  private endOptions() {
    return { keys: this.keys, node: this.options.node, maxlen: this.maxlen, drawEpoch };
  }

  private updateState(closed: boolean): void {
    const up = this.commands.status === 'ready' && this.reader.status === 'ready';
    const next: BusState = up ? 'connected' : closed ? 'lost' : this.current;
    if (next === this.current || this.closing) return;
    if (next === 'lost') this.log(`The live bus ${this.current === 'connected' ? 'lost' : 'cannot reach'} Redis (${this.lastError ?? 'connection closed'}); retrying…`);
    else if (this.current === 'lost') this.log('The live bus is connected to Redis again');
    this.current = next;
    for (const l of this.listeners) l(next);
  }
}

const drawEpoch = () => randomBytes(6).toString('hex');
