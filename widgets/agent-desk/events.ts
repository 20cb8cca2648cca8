/** An agent signed in through the desk's own form; a host may keep the token (it opens only the agent desk). */
export class FvAgentSignedInEvent extends Event {
  static readonly eventName = 'fv-agent-signed-in';
  constructor(
    readonly agentId: string,
    readonly token: string,
    readonly expiresAt: string,
  ) {
    super(FvAgentSignedInEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'fv-agent-signed-in': FvAgentSignedInEvent;
  }
}
