import type { ConnectionState } from './stream.js';

/** A widget's live connection changed (live, reconnecting, offline…). */
export class FvConnectionChangeEvent extends Event {
  static readonly eventName = 'fv-connection-change';
  constructor(readonly state: ConnectionState) {
    super(FvConnectionChangeEvent.eventName, { bubbles: true, composed: true });
  }
}

/** Something the user asked for failed; `message` is what the widget showed (the server's words when it refused). */
export class FvErrorEvent extends Event {
  static readonly eventName = 'fv-error';
  constructor(
    readonly code: string,
    readonly message: string,
  ) {
    super(FvErrorEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'fv-connection-change': FvConnectionChangeEvent;
    'fv-error': FvErrorEvent;
  }
}
