import { z } from '@hono/zod-openapi';

/** The telephony platform Floorview is connected to and how that connection stands (`GET /health`, the stream's `platform`). */

export const PLATFORMS = ['simulator', 'webhook', 'asterisk'] as const;

export const platformStatusSchema = z
  .object({
    platform: z.enum(PLATFORMS).describe('FLOORVIEW_PLATFORM: the built-in simulator, a platform posting events (webhook), or Asterisk over AMI.'),
    state: z
      .enum(['connected', 'reconnecting', 'failed'])
      .describe('connected: events flow; reconnecting: lost, trying again by itself; failed: will not succeed until someone acts (e.g. bad credentials).'),
    since: z.string().describe('When it entered this state (ISO-8601 instant).'),
    lastError: z.string().nullable().describe('What went wrong last, in words a supervisor can pass on; null when nothing has.'),
  })
  .openapi('PlatformStatus');

export type PlatformName = (typeof PLATFORMS)[number];
export type PlatformStatus = z.infer<typeof platformStatusSchema>;
export type PlatformState = PlatformStatus['state'];
