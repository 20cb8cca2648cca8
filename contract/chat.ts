import { z } from '@hono/zod-openapi';
import { instant } from './names.js';
import { orNull } from './or-null.js';
import { multiLine } from './plain-text.js';

/**
 * Chat between supervisors and agents (C4), as the API and the stream carry it.
 * A conversation is one agent and one supervisor; message ids increase.
 */

/** Longest message body, in characters (UTF-16 code units, as the browser's `maxlength` counts). */
export const MAX_MESSAGE_LENGTH = 2_000;

const sender = z.enum(['supervisor', 'agent']);

export const messageSchema = z
  .object({
    id: z.number().int().describe('Increases with every message.'),
    agentId: z.string(),
    supervisorId: z.string(),
    supervisorName: z.string(),
    sender,
    body: z.string().describe('Plain text, newlines kept: show it as text, never as markup.'),
    sentAt: instant,
    readAt: instant.nullable().describe('When the other side read it.'),
  })
  .openapi('ChatMessage');

export const readSchema = z
  .object({
    agentId: z.string(),
    supervisorId: z.string(),
    reader: sender,
    throughId: z.number().int().describe('The reader has read the other side’s messages up to this id.'),
    readAt: instant,
    unread: z.number().int().describe('The reader’s unread messages left in the conversation.'),
  })
  .openapi('ChatRead');

export const conversationSchema = z
  .object({
    agentId: z.string(),
    agentName: z.string(),
    supervisorId: z.string(),
    supervisorName: z.string(),
    unread: z.number().int().describe('Messages from the other side the caller has not read.'),
    lastMessage: orNull(messageSchema).describe('null while the conversation has no message.'),
  })
  .openapi('ChatConversation');

const supervisorId = z.string().min(1).max(200);

export const pageQuery = z.object({
  supervisor: supervisorId.optional().describe('An agent’s conversation with this supervisor; absent, with all of them. A supervisor reads only their own.'),
  before: z.coerce.number().int().positive().optional().describe('Messages older than this id (scrolling back).'),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});

export const sendBody = z
  .object({
    body: multiLine(
      z
        .string()
        .trim()
        .min(1, 'The message is empty: write something first.')
        .max(MAX_MESSAGE_LENGTH, { error: (issue) => `Too long: at most ${MAX_MESSAGE_LENGTH} characters, this one has ${String(issue.input).length}.` }),
    ).describe(`Plain text, at most ${MAX_MESSAGE_LENGTH} characters; leading and trailing blanks are dropped; newlines and tabs kept, other control characters and bidi overrides refused.`),
    supervisorId: supervisorId.optional().describe('Required when an agent writes: the supervisor to write to.'),
  })
  .strict()
  .openapi('SendMessage');

export const readBody = z
  .object({
    throughId: z.number().int().positive().optional().describe('Read up to this message id; absent, everything so far.'),
    supervisorId: supervisorId.optional().describe('For an agent: that supervisor’s conversation only; absent, all of them.'),
  })
  .strict()
  .openapi('MarkRead');

export const chatPageSchema = z.object({ messages: z.array(messageSchema), hasMore: z.boolean() }).openapi('ChatPage');
export const readAnswerSchema = z.object({ reads: z.array(readSchema) });
export const conversationListSchema = z.object({ conversations: z.array(conversationSchema) });

export type ChatSender = z.infer<typeof sender>;
export type ChatMessage = z.infer<typeof messageSchema>;
/** One side read the other side's messages of a conversation up to `throughId`. */
export type ChatRead = z.infer<typeof readSchema>;
/** A conversation as a list shows it: who, how many unread for the caller, the latest message. */
export type ChatConversation = z.infer<typeof conversationSchema>;
export type ChatPageQuery = z.input<typeof pageQuery>;
export type SendMessageBody = z.input<typeof sendBody>;
export type MarkReadBody = z.input<typeof readBody>;
export type ChatPage = z.infer<typeof chatPageSchema>;
export type ReadAnswer = z.infer<typeof readAnswerSchema>;
export type ConversationList = z.infer<typeof conversationListSchema>;
