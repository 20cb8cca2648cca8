import { createHmac } from 'node:crypto';

/**
 * Posts JSON to a receiver that verifies `X-Floorview-Signature: sha256=<hex HMAC of
 * "<timestamp>.<body>">` with the shared secret and rejects stale timestamps, so a captured
 * request cannot be replayed later. One signing for every webhook Floorview sends
 * (commands to the platform, alerts to chat tools).
 */
export async function postSigned(url: string, secret: string, payload: unknown, timeoutMs: number): Promise<Response> {
  const body = JSON.stringify(payload);
  const timestamp = Math.floor(Date.now() / 1000).toString();
  const signature = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-floorview-timestamp': timestamp,
      'x-floorview-signature': `sha256=${signature}`,
    },
    body,
    signal: AbortSignal.timeout(timeoutMs),
  });
}
