import type { PlatformStatus } from '../../contract/platform.js';
import type { FloorEvent } from '../domain/events.js';
import type { ViewerItem } from '../stream/stream-hub.js';

/**
 * What one node tells every node (itself included) through the bus, in the one global order: each
 * kind is something already committed to the database (or, for `platform`, observed) that every
 * node's memory must follow. A node applies a message the same way whether it or another node
 * published it.
 */
export type BusMessage =
  /** An accepted event batch, with the `seq` the store gave each event: every floor applies it. */
  | { kind: 'events'; events: readonly FloorEvent[]; backfill: boolean }
  /** For the viewers it names: a chat message or read, a report's status or deletion, an alert raised, cleared or acknowledged. */
  | { kind: 'item'; item: ViewerItem }
  /** A supervisor command's outcome: a monitor command `sent` claims its call on every node until the platform confirms. */
  | { kind: 'command'; commandId: string; supervisorId: string; agentId: string; callId: string | null; outcome: 'sent' | 'failed' | 'refused' }
  /** The platform's connection, from the one node that runs the platform's adapter. */
  | { kind: 'platform'; status: PlatformStatus }
  /** An admin changed the directory (it is in the database): every node reloads it. */
  | { kind: 'directory' }
  /** Written once where a stream (an epoch) begins, when a node reads it before anything was published; nothing to apply. */
  | { kind: 'epoch' };

export type BusMessageKind = BusMessage['kind'];

const KINDS: ReadonlySet<string> = new Set<BusMessageKind>(['events', 'item', 'command', 'platform', 'directory', 'epoch']);

/**
 * The entry's format: a node meeting another version (a rolling upgrade gone wrong) refuses to
 * guess and takes a snapshot instead of applying half of what it cannot read.
 */
export const BUS_FORMAT = '1';

/** JSON: the messages are small and every node is JavaScript; the format field lets it change. */
export function encodeMessage(message: BusMessage): string {
  return JSON.stringify(message);
}

/** The message, or null when this node cannot read it (another format, an unknown kind, not JSON). */
export function decodeMessage(format: string | undefined, text: string | undefined): BusMessage | null {
  if (format !== BUS_FORMAT || text === undefined) return null;
  try {
    const message = JSON.parse(text) as { kind?: unknown };
    return typeof message === 'object' && message !== null && typeof message.kind === 'string' && KINDS.has(message.kind)
      ? (message as BusMessage)
      : null;
  } catch {
    return null;
  }
}
