/**
 * A position on the bus that means the same on every node: the stream's epoch (which stream) and
 * a Redis stream entry id (where in it). A client's `Last-Event-ID` will carry one, so a resume
 * on another node finds the same place, or learns that the place is gone.
 */
export interface BusOffset {
  epoch: string;
  /** `<ms>-<n>`, as Redis gives it. */
  id: string;
}

const OFFSET = /^([0-9a-f]{1,64})_(\d{1,20}-\d{1,20})$/;

/** `<epoch>_<id>`: one token, no character a URL or an SSE `id:` line treats specially. */
export function formatOffset(offset: BusOffset): string {
  return `${offset.epoch}_${offset.id}`;
}

/** The offset a client sent back, or null when it is not one (an older server's id, garbage): that client gets a snapshot. */
export function parseOffset(text: string): BusOffset | null {
  const match = OFFSET.exec(text);
  return match ? { epoch: match[1]!, id: match[2]! } : null;
}
