/**
 * Chat between supervisors and agents (C4), as the API and the stream carry it.
 * A conversation is one agent and one supervisor; message ids increase.
 */

export type ChatSender = 'supervisor' | 'agent';

export interface ChatMessage {
  id: number;
  agentId: string;
  supervisorId: string;
  /** The supervisor's name, so an agent's desk can label a conversation it has not seen before. */
  supervisorName: string;
  sender: ChatSender;
  /** Plain text as typed (newlines kept); clients show it as text, never as markup. */
  body: string;
  sentAt: string;
  /** When the other side read it; null while unread. */
  readAt: string | null;
}

/** One side read the other side's messages of a conversation up to `throughId`. */
export interface ChatRead {
  agentId: string;
  supervisorId: string;
  reader: ChatSender;
  throughId: number;
  readAt: string;
  /** The reader's unread messages left in the conversation (newer than `throughId`). */
  unread: number;
}

/** A conversation as a list shows it: who, how many unread for the caller, the latest message. */
export interface ChatConversation {
  agentId: string;
  agentName: string;
  supervisorId: string;
  supervisorName: string;
  /** Messages from the other side the caller has not read. */
  unread: number;
  lastMessage: ChatMessage | null;
}

/** Longest message body, in characters (UTF-16 code units, as the browser's `maxlength` counts). */
export const MAX_MESSAGE_LENGTH = 2_000;
