import { postSigned } from '../webhooks/signed-post.js';
import type { CommandAdapter, SupervisorCommand } from '../commands/command.js';

/** Posts each command as JSON to the platform's URL, signed (server/webhooks/signed-post.ts). */
export class WebhookAdapter implements CommandAdapter {
  readonly name = 'webhook';

  constructor(
    private readonly url: string,
    private readonly secret: string,
    private readonly timeoutMs = 5_000,
  ) {}

  async send(command: SupervisorCommand): Promise<void> {
    let res: Response;
    try {
      res = await postSigned(this.url, this.secret, command, this.timeoutMs);
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
