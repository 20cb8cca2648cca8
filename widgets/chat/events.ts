/** The reader closed the chat panel (its close button, shown with `closable`); the host hides it. */
export class FvChatCloseEvent extends Event {
  static readonly eventName = 'fv-chat-close';
  constructor(readonly agentId: string) {
    super(FvChatCloseEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'fv-chat-close': FvChatCloseEvent;
  }
}
