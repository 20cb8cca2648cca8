import { Component, CUSTOM_ELEMENTS_SCHEMA } from '@angular/core';
// The package's declarations: the fv-* events join GlobalEventHandlersEventMap.
import type {} from 'floorview';

/**
 * Never built into the app: ngc must refuse this template, whose handler reads a field the
 * agent list's chat event does not have. Were $event untyped, it would compile.
 */
@Component({
  selector: 'app-wrong-event',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `<fv-agent-list (fv-agent-chat)="open($event.queueId)"></fv-agent-list>`,
})
export class WrongEventComponent {
  open(id: string) {
    return id;
  }
}
