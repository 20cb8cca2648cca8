import { sendTimeMarker } from './send-time-marker.js';

/** One message of the paced load: its number (from 1 over the whole run) and its send-time marker. */
export interface PacedMessage {
  n: number;
  marker: string;
}

let sent = 0;
const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The fan-out benchmarks' load: `rate` messages/s for `seconds`, sent as rate/20 messages every
 * 50 ms, each stamped with the time its batch leaves. The schedule is fixed from the start: a batch
 * held up (a slow answer to the one before) leaves at once, so the rate holds on average.
 */
export async function sendPaced(rate: number, seconds: number, send: (batch: PacedMessage[]) => Promise<void>): Promise<{ messages: number; seconds: number }> {
  const perBatch = rate / 20;
  const t0 = performance.now();
  let batches = 0;
  let messages = 0;
  while (performance.now() - t0 < seconds * 1000) {
    const wait = t0 + batches * 50 - performance.now();
    if (wait > 0) await settle(wait);
    const stamp = performance.timeOrigin + performance.now();
    const batch = Array.from({ length: perBatch }, () => ({ n: ++sent, marker: sendTimeMarker(stamp, sent) }));
    await send(batch);
    messages += perBatch;
    batches++;
  }
  return { messages, seconds: (performance.now() - t0) / 1000 };
}
