import type { PlatformName } from '../../contract/platform.js';
import type { CommandAdapter } from '../commands/command.js';
import type { IngestResult } from '../ingest/ingest-service.js';
import type { PlatformStatusTracker } from './platform-status.js';

/**
 * Where events go in: the ingestion path and validation of `POST /api/v1/events`, so an adapter's
 * mapping mistake is refused with the fields it got wrong, exactly as an integration's would be.
 */
export type EventSink = (events: readonly unknown[]) => Promise<IngestResult>;

/**
 * A telephony platform (FLOORVIEW_PLATFORM): events in, supervisor commands out, a connection status.
 * The simulator, a platform posting to the API (webhook) and Asterisk over AMI implement it.
 */
export interface Platform {
  readonly name: PlatformName;
  /** Where supervisor commands go; null when this platform takes none. */
  readonly commands: CommandAdapter | null;
  readonly status: PlatformStatusTracker;
  /** Begins bringing the platform's events in through `sink`. */
  start(sink: EventSink): void;
  stop(): void;
}
