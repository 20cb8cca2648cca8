import { sendTimeMarker } from './send-time-marker.js';

/** One message of the paced load: its number (from 1 over the whole run) and its send-time marker. */
export interface PacedMessage {
  n: number;
  marker: string;
}

/** Batches sent but not yet answered before the sender waits: one second's worth. */
const MAX_IN_FLIGHT = 20;

let sent = 0;
const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The fan-out benchmarks' load: `rate` messages/s for `seconds`, sent as rate/20 messages every
 * 50 ms, each stamped with the time its batch leaves. A batch leaves on schedule whether or not the
 * one before has been answered, as a telephony platform's events keep coming while a server is
 * busy; only a server a second behind holds the sender up. The schedule is fixed from the start,
 * so a batch held up leaves at once and the rate holds on average.
 */
export async function sendPaced(rate: number, seconds: number, send: (batch: PacedMessage[]) => Promise<void>): Promise<{ messages: number; seconds: number }> {
  const perBatch = rate / 20;
  const t0 = performance.now();
  const inFlight = new Set<Promise<void>>();
  let failed: unknown = null;
  let batches = 0;
  while (performance.now() - t0 < seconds * 1000 && failed === null) {
    const wait = t0 + batches * 50 - performance.now();
    if (wait > 0) await settle(wait);
    if (inFlight.size >= MAX_IN_FLIGHT) await Promise.race(inFlight);
    const stamp = performance.timeOrigin + performance.now();
    const batch = Array.from({ length: perBatch }, () => ({ n: ++sent, marker: sendTimeMarker(stamp, sent) }));
    const p: Promise<void> = send(batch).then(
      () => void inFlight.delete(p),
      (err: unknown) => void ((failed = err), inFlight.delete(p)),
    );
    inFlight.add(p);
    batches++;
  }
  const elapsed = (performance.now() - t0) / 1000;
  await Promise.all(inFlight);
  if (failed !== null) throw failed;
  return { messages: batches * perBatch, seconds: elapsed };
}
