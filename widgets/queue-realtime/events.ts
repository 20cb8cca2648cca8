import type { Level, Metric } from './levels.js';

/**
 * A queue's figure crossed a threshold, either way: `level` is now `ok`, `warn`
 * or `alert`. Fired once per change (also for figures already past a threshold
 * when the widget first shows them), so a host can sound a chime or page someone.
 */
export class FvQueueLevelChangeEvent extends Event {
  static readonly eventName = 'fv-queue-level-change';
  constructor(
    readonly queueId: string,
    readonly metric: Metric,
    readonly level: Level,
    readonly previous: Level,
    /** The queue's name as the widget shows it (in its language), so a host need not look it up. */
    readonly queueName: string,
  ) {
    super(FvQueueLevelChangeEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'fv-queue-level-change': FvQueueLevelChangeEvent;
  }
}
