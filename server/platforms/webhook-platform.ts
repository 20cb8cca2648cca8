import type { CommandAdapter, SupervisorCommand } from '../commands/command.js';
import type { Platform } from './platform.js';
import { PlatformStatusTracker } from './platform-status.js';
import { WebhookAdapter } from './webhook-adapter.js';

/**
 * A platform that posts its events to `POST /api/v1/events` itself, and takes supervisor commands at
 * FLOORVIEW_COMMAND_WEBHOOK when one is set. Floorview holds no connection to it, so it is always
 * connected; a command it could not take is its last error.
 */
export class WebhookPlatform implements Platform {
  readonly name = 'webhook';
  readonly status: PlatformStatusTracker;
  readonly commands: CommandAdapter | null;

  constructor(webhook: { url: string; secret: string } | null, clock: () => number = Date.now) {
    this.status = new PlatformStatusTracker('webhook', 'connected', clock);
    if (!webhook) {
      this.commands = null;
      return;
    }
    const adapter = new WebhookAdapter(webhook.url, webhook.secret);
    this.commands = {
      name: adapter.name,
      send: (command: SupervisorCommand) =>
        adapter.send(command).catch((err: Error) => {
          this.status.set('connected', err.message);
          throw err;
        }),
    };
  }

  start(): void {}

  stop(): void {}
}
