/**
 * How long a test waits for something the code under test does by itself (a
 * stream message, a background write, a render) before it fails. Generous on
 * purpose: on a loaded two-core machine that can take seconds, and a wait that
 * ends when its condition comes true costs no more for a long limit.
 */
export const WAIT_MS = 30_000;

export interface WaitOptions {
  timeoutMs?: number;
  /** Between polls; longer where one poll is costly (a round trip to a browser page). */
  intervalMs?: number;
}

type Truthy<T> = Exclude<T, false | 0 | '' | null | undefined>;

/**
 * Polls `condition` until it returns a truthy value, and resolves with that value.
 * Fails after the deadline with `what` (a function for a message that reports the
 * last state seen). An error the condition throws fails the wait at once.
 */
export async function waitUntil<T>(condition: () => T | Promise<T>, what: string | (() => string), options: WaitOptions = {}): Promise<Truthy<T>> {
  const { timeoutMs = WAIT_MS, intervalMs = 20 } = options;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await condition();
    if (value) return value as Truthy<T>;
    if (Date.now() > deadline) throw new Error(`${typeof what === 'string' ? what : what()}: not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
