import { createHmac } from 'node:crypto';
import type { CommandAdapter, SupervisorCommand } from './command.js';

/**
 * Posts each command as JSON to the platform's URL. The platform verifies
 * `X-Floorview-Signature: sha256=<hex HMAC of "<timestamp>.<body>">` with the
 * shared secret and rejects stale timestamps, so a captured request cannot be replayed later.
 */
export class WebhookAdapter implements CommandAdapter {
  readonly name = 'webhook';

  constructor(
    private readonly url: string,
    private readonly secret: string,
    private readonly timeoutMs = 5_000,
  ) {}

  async send(command: SupervisorCommand): Promise<void> {
    const body = JSON.stringify(command);
    const timestamp = Math.floor(Date.now() / 1000).toString();
    const signature = createHmac('sha256', this.secret).update(`${timestamp}.${body}`).digest('hex');
    let res: Response;
    try {
      res = await fetch(this.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-floorview-timestamp': timestamp,
          'x-floorview-signature': `sha256=${signature}`,
        },
        body,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (err) {
      const reason = (err as Error).name === 'TimeoutError' ? `no answer within ${this.timeoutMs / 1000} s` : (err as Error).message;
      throw new Error(`The telephony platform could not be reached: ${reason}`);
    }
    if (!res.ok) {
      const text = (await res.text().catch(() => '')).slice(0, 200);
      throw new Error(`The telephony platform refused the command (HTTP ${res.status})${text ? `: ${text}` : ''}`);
    }
  }
}
