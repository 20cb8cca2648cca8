import { property } from 'lit/decorators.js';
import { FloorviewElement } from '../core/floorview-element.js';
import type { RangeFilterAttributes } from './range-filter.js';
import type { RangePreset } from './range.js';

/**
 * The range and filter attributes the history widgets and the wrap-up reports
 * share, declared once; a RangeFilterController reads and sets them.
 */
export abstract class RangeFilterElement extends FloorviewElement implements RangeFilterAttributes {
  /** `today`, `yesterday`, `last7` (default), `last30` or `custom` (then `from` and `to`). */
  @property() accessor range: RangePreset = 'last7';
  /** First day of a custom range, `YYYY-MM-DD`. */
  @property() accessor from = '';
  /** Last day of a custom range, included. */
  @property() accessor to = '';
  /** Each day, only from this local time (`HH:MM`). */
  @property({ attribute: 'time-from' }) accessor timeFrom = '';
  /** Each day, only until this local time. */
  @property({ attribute: 'time-to' }) accessor timeTo = '';
  /** Only these queues (ids, comma-separated). */
  @property() accessor queue = '';
  /** Only these agents (ids, comma-separated). */
  @property() accessor agent = '';
  /** Only this location. */
  @property() accessor location = '';
}
