import { ref } from 'vue';
import type { FvAgentChatEvent, FvConnectionChangeEvent } from 'floorview';

/** What the page keeps of the agent list's events, typed by the package's event classes. */
export function useFloor() {
  const connection = ref<FvConnectionChangeEvent['state']>('connecting');
  const chatWith = ref<string>();
  return {
    connection,
    chatWith,
    onConnectionChange: (event: FvConnectionChangeEvent) => (connection.value = event.state),
    onAgentChat: (event: FvAgentChatEvent) => (chatWith.value = event.agentId),
  };
}
