/** The supervisor chose Chat for an agent; a chat panel (another widget, or the host page) opens the conversation. */
export class FvAgentChatEvent extends Event {
  static readonly eventName = 'fv-agent-chat';
  constructor(readonly agentId: string) {
    super(FvAgentChatEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'fv-agent-chat': FvAgentChatEvent;
  }
}
