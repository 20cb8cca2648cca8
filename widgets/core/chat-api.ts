import type { ChatConversation, ChatMessage, ChatRead, MAX_MESSAGE_LENGTH as SERVER_MAX } from '../../contract/chat.js';
import { apiFetch, type ApiTarget } from './api.js';

export type { ChatConversation, ChatMessage, ChatRead };

/** The server's limit, in characters; typed as the server's constant, so the two cannot drift apart (server code never enters a bundle). */
export const MAX_MESSAGE_LENGTH: typeof SERVER_MAX = 2_000;

/** One conversation as the API names it: an agent and, from the agent's side, the supervisor. */
export interface ConversationRef {
  agentId: string;
  /** Set by an agent's desk (whom they talk to); a supervisor's side is always their own. */
  supervisorId?: string | undefined;
}

const base = (ref: ConversationRef) => `/api/v1/agents/${encodeURIComponent(ref.agentId)}/messages`;

/** A page of the conversation, oldest first; `before` pages back. */
export function fetchMessages(target: ApiTarget, ref: ConversationRef, before: number | null, limit: number, signal?: AbortSignal) {
  const query = new URLSearchParams({ limit: String(limit) });
  if (before !== null) query.set('before', String(before));
  if (ref.supervisorId) query.set('supervisor', ref.supervisorId);
  return apiFetch<{ messages: ChatMessage[]; hasMore: boolean }>(target, `${base(ref)}?${query}`, { signal });
}

export function postMessage(target: ApiTarget, ref: ConversationRef, body: string) {
  return apiFetch<ChatMessage>(target, base(ref), { method: 'POST', body: ref.supervisorId ? { body, supervisorId: ref.supervisorId } : { body } });
}

export function postRead(target: ApiTarget, ref: ConversationRef, throughId: number) {
  return apiFetch<{ reads: ChatRead[] }>(target, `${base(ref)}/read`, {
    method: 'POST',
    body: ref.supervisorId ? { throughId, supervisorId: ref.supervisorId } : { throughId },
  });
}

export function fetchConversations(target: ApiTarget, signal?: AbortSignal) {
  return apiFetch<{ conversations: ChatConversation[] }>(target, '/api/v1/conversations', { signal });
}
