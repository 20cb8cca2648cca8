import { Component, CUSTOM_ELEMENTS_SCHEMA, signal } from '@angular/core';
import type { FvAgentChatEvent, FvConnectionChangeEvent } from 'floorview';

// This host reads the server and the token from its address (?api=…&token=…); yours knows its own.
const params = new URLSearchParams(location.search);

@Component({
  selector: 'app-floor',
  // Lets the template use elements Angular does not know: the fv-* custom elements.
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <p>
      Floor: <output id="connection">{{ connection() }}</output>
      @if (chatWith(); as agentId) { · chat with {{ agentId }} }
    </p>
    <!-- [x] sets a property (objects and arrays only go this way); a plain or [attr.x] binding writes an attribute. -->
    <fv-agent-list
      [api]="api"
      [token]="token"
      view="queue"
      [sortDirection]="'desc'"
      style="height: 30rem"
      (fv-connection-change)="onConnectionChange($event)"
      (fv-agent-chat)="onAgentChat($event)"
    ></fv-agent-list>
  `,
})
export class FloorComponent {
  readonly api = params.get('api')!;
  readonly token = params.get('token')!;
  readonly connection = signal<FvConnectionChangeEvent['state']>('connecting');
  readonly chatWith = signal<string | undefined>(undefined);

  // strictTemplates types $event from GlobalEventHandlersEventMap, which the package extends.
  onConnectionChange(event: FvConnectionChangeEvent) {
    this.connection.set(event.state);
  }

  onAgentChat(event: FvAgentChatEvent) {
    this.chatWith.set(event.agentId);
  }
}
