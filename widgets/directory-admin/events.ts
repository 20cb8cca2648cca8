import type { RecordKind } from './sections.js';

/** The admin changed the directory through the widget: created, changed or retired (revoked) a record. */
export class FvDirectoryChangeEvent extends Event {
  static readonly eventName = 'fv-directory-change';
  constructor(
    readonly kind: RecordKind,
    readonly id: string,
    readonly action: 'create' | 'update' | 'retire',
  ) {
    super(FvDirectoryChangeEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'fv-directory-change': FvDirectoryChangeEvent;
  }
}
