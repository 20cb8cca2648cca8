import type { Report } from '../../contract/reports.js';

/** A report finished: it became `ready` (downloadable) or `failed` (`report.error` says why). */
export class FvReportChangeEvent extends Event {
  static readonly eventName = 'fv-report-change';
  constructor(readonly report: Report) {
    super(FvReportChangeEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'fv-report-change': FvReportChangeEvent;
  }
}
