import type { FvAgentChatEvent } from 'floorview';

/**
 * Never run, only type-checked: each line below is a mistake the package's types must catch
 * in a Vue host's own TypeScript. Were a property or an event untyped (`any`), its
 * `@ts-expect-error` would be unused, and that is itself an error.
 */
export function mistakes(list: HTMLElementTagNameMap['fv-agent-list']) {
  // @ts-expect-error `view` is 'list' or 'queue'
  list.view = 'grid';
  // @ts-expect-error `notify` is a boolean
  list.notify = 'yes';
  // @ts-expect-error fv-agent-chat carries an agentId, not an error code
  list.addEventListener('fv-agent-chat', (event) => event.code);
  // @ts-expect-error fv-connection-change's state is not a number
  list.addEventListener('fv-connection-change', (event) => event.state === 1);
}

/** The type a Vue handler of `@fv-agent-chat` declares: the package's event class. */
export const onAgentChat = (event: FvAgentChatEvent): string =>
  // @ts-expect-error the chat event has no queue level
  event.level;
