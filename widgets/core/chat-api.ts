import type { ChatConversation, ChatMessage, ChatRead, MAX_MESSAGE_LENGTH as SERVER_MAX } from '../../contract/chat.js';
import { api, type ApiTarget } from './api.js';

/** The server's limit, in characters; typed as the server's constant, so the two cannot drift apart (server code never enters a bundle). */
export const MAX_MESSAGE_LENGTH: typeof SERVER_MAX = 2_000;

/** One conversation as the API names it: an agent and, from the agent's side, the supervisor. */
export interface ConversationRef {
  agentId: string;
  /** Set by an agent's desk (whom they talk to); a supervisor's side is always their own. */
  supervisorId?: string | undefined;
}

/** A page of the conversation, oldest first; `before` pages back. */
export function fetchMessages(target: ApiTarget, ref: ConversationRef, before: number | null, limit: number, signal?: AbortSignal) {
  const query = { limit, before: before ?? undefined, supervisor: ref.supervisorId || undefined };
  return api(target, 'GET /agents/{id}/messages', { params: { id: ref.agentId }, query, signal });
}

export function postMessage(target: ApiTarget, ref: ConversationRef, body: string) {
  return api(target, 'POST /agents/{id}/messages', { params: { id: ref.agentId }, body: ref.supervisorId ? { body, supervisorId: ref.supervisorId } : { body } });
}

export function postRead(target: ApiTarget, ref: ConversationRef, throughId: number) {
  return api(target, 'POST /agents/{id}/messages/read', {
    params: { id: ref.agentId },
    body: ref.supervisorId ? { throughId, supervisorId: ref.supervisorId } : { throughId },
  });
}

export function fetchConversations(target: ApiTarget, signal?: AbortSignal) {
  return api(target, 'GET /conversations', { signal });
}
