/**
 * The viewer opened the calls behind a figure. `query` is the `GET /api/v1/stats/calls`
 * parameters, so a host can open the same list elsewhere (a report, another page).
 */
export class FvDrillDownEvent extends Event {
  static readonly eventName = 'fv-drill-down';
  constructor(
    readonly figure: string,
    readonly query: Readonly<Record<string, string>>,
  ) {
    super(FvDrillDownEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'fv-drill-down': FvDrillDownEvent;
  }
}
