import { postSigned } from '../webhooks/signed-post.js';
import type { Alert } from '../../contract/alerts.js';

export type AlertEvent = 'raised' | 'cleared' | 'acknowledged';

/** One line a chat tool can show as it is (Slack-style `text`); the structured alert rides beside it. */
function summary(event: AlertEvent, a: Alert): string {
  const subject = a.queueName ?? a.agentName ?? '';
  const what = a.rule === 'raisedHand' ? `raised a hand${a.note ? `: “${a.note}”` : ''}` : `${a.rule} ${a.value} (limit ${a.threshold})`;
  const head = event === 'raised' ? 'Alert' : event === 'cleared' ? 'Cleared' : `Acknowledged by ${a.acknowledged?.supervisorName ?? ''}`;
  return `${head} — ${subject} ${what}`;
}

/**
 * Posts every alert raised, cleared or acknowledged to a URL (`FLOORVIEW_ALERT_WEBHOOK`),
 * signed like the commands, one after another in the order they happened. A receiver that
 * fails is logged and skipped: alerts on the floor never wait for a chat tool.
 */
export class AlertWebhook {
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly url: string,
    private readonly secret: string,
    private readonly log: (line: string) => void,
    private readonly timeoutMs = 5_000,
  ) {}

  send(event: AlertEvent, alert: Alert): void {
    this.queue = this.queue.then(() => this.post(event, alert));
  }

  private async post(event: AlertEvent, alert: Alert): Promise<void> {
    try {
      const res = await postSigned(this.url, this.secret, { event, alert, text: summary(event, alert) }, this.timeoutMs);
      if (!res.ok) this.log(`Alert webhook answered HTTP ${res.status} for alert ${alert.id} (${event})`);
    } catch (err) {
      this.log(`Alert webhook not reached for alert ${alert.id} (${event}): ${(err as Error).message}`);
    }
  }
}
