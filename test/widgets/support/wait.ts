import { waitUntil as openWcWaitUntil } from '@open-wc/testing';

/**
 * How long a widget test waits for a condition before it fails. Generous on
 * purpose: on a loaded two-core machine a render, a request to the test
 * server or the first load of echarts can take many seconds, and a condition
 * that does come true costs no more for a long limit. open-wc's own default
 * (1 s) measures the machine, not the widget. Keep it below the test timeout
 * (web-test-runner.config.mjs), so a failure names the condition it waited for.
 */
export const WAIT_MS = 30_000;

/** `waitUntil` from @open-wc/testing, with WAIT_MS as its default timeout. */
export function waitUntil(
  predicate: () => unknown | Promise<unknown>,
  message?: string,
  options: { interval?: number; timeout?: number } = {},
): Promise<void> {
  return openWcWaitUntil(predicate, message, { timeout: WAIT_MS, ...options });
}
