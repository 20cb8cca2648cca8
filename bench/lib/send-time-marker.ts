/**
 * The marker a fan-out benchmark puts in each message it sends: `@<send time in ms>/<message number>`.
 * The number makes every message's marker its own, so a delivery is one (message, client) pair
 * even when several messages leave in the same millisecond or batch. The load process
 * (sse-load.ts) finds markers by their leading `"@` alone, whatever field or encoding carries them.
 */
export const MARKER_START = '"@';

export function sendTimeMarker(sentAt: number, n: number): string {
  return `@${sentAt.toFixed(1)}/${n}`;
}

/** The send time of a marker's text after its `"@`, up to its closing quote. */
export function sentAtOf(markerBody: string): number {
  return Number(markerBody.slice(0, markerBody.indexOf('/')));
}
