import { createRoute, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../auth/app-env.js';
import { requireViewer } from '../auth/middleware.js';
import type { Principal } from '../auth/principal.js';
import type { ChatParticipant } from '../chat/chat-service.js';
import { forbidden } from '../lib/errors.js';
import type { Services } from '../wiring/services.js';
import { chatPageSchema, conversationListSchema, messageSchema, pageQuery, readAnswerSchema, readBody, sendBody } from '../../contract/chat.js';
import { limitBody } from './body-limit.js';
import { bearerSecurity, errors, json, jsonBody, router } from './openapi-common.js';

const agentParam = z.object({ id: z.string().min(1).max(200).openapi({ param: { name: 'id', in: 'path' } }) });
const security = [...bearerSecurity];

const listMessages = createRoute({
  method: 'get',
  operationId: 'listMessages',
  path: '/{id}/messages',
  tags: ['Chat'],
  summary: 'A page of the conversation with an agent, oldest first',
  description:
    'A supervisor reads their own conversation with an agent in scope; an agent (desk session) reads their own, with one supervisor (`supervisor`) or all. Page back with `before` = the first id you have, while `hasMore`.',
  security,
  request: { params: agentParam, query: pageQuery },
  responses: {
    200: json(chatPageSchema, 'Messages, oldest first.'),
    ...errors(400, 401, 403, 404),
  },
});

const sendMessage = createRoute({
  method: 'post',
  operationId: 'sendMessage',
  path: '/{id}/messages',
  tags: ['Chat'],
  summary: 'Send a chat message',
  description:
    'A supervisor writes to an agent in scope; an agent writes to a supervisor who supervises them (`supervisorId`). Delivered live on both people’s streams (`messages`). At most 30 messages a minute per sender.',
  security,
  request: { params: agentParam, body: jsonBody(sendBody) },
  responses: { 201: json(messageSchema, 'Stored, and on its way.'), ...errors(400, 401, 403, 404, 413, 429) },
});

const markRead = createRoute({
  method: 'post',
  operationId: 'markRead',
  path: '/{id}/messages/read',
  tags: ['Chat'],
  summary: 'Mark the other side’s messages read',
  description: 'Both people’s streams get a `reads` receipt per conversation touched, with the reader’s unread count left.',
  security,
  request: { params: agentParam, body: jsonBody(readBody) },
  responses: { 200: json(readAnswerSchema, 'One receipt per conversation that had unread messages.'), ...errors(400, 401, 403, 404) },
});

const listConversations = createRoute({
  method: 'get',
  operationId: 'listConversations',
  path: '/',
  tags: ['Chat'],
  summary: 'Your conversations, with unread counts',
  description:
    'A supervisor: every agent in scope they have chatted with. An agent: every supervisor they have chatted with, and those who supervise them. Latest first; the agent list’s unread badges come from here, then live from the stream.',
  security,
  responses: { 200: json(conversationListSchema, 'Conversations.'), ...errors(401, 403) },
});

/** Supervisors and agents chat; display tokens are read-only screens with no one to talk to. */
function participant(p: Principal): ChatParticipant {
  if (p.kind === 'display') throw forbidden('Display tokens are read-only and have no chat.');
  return p.kind === 'supervisor' ? { kind: 'supervisor', id: p.id, scope: p.scope } : { kind: 'agent', id: p.id };
}

/** `GET/POST /agents/:id/messages…`. Mounted before the agents routes: these take agent desk sessions, which those refuse. */
export function chatRoutes(s: Services) {
  const app = router();
  const auth: MiddlewareHandler<AppEnv> = requireViewer(s.auth, { agents: true });
  app.use('/:id/messages', limitBody(), auth);
  app.use('/:id/messages/read', limitBody(), auth);
  return app
    .openapi(listMessages, async (c) => {
      const { supervisor, before, limit } = c.req.valid('query');
      return c.json(await s.chat.page(participant(c.var.principal), c.req.valid('param').id, { supervisorId: supervisor, before, limit }), 200);
    })
    .openapi(sendMessage, async (c) => {
      const { body, supervisorId } = c.req.valid('json');
      return c.json(await s.chat.send(participant(c.var.principal), c.req.valid('param').id, body, supervisorId), 201);
    })
    .openapi(markRead, async (c) => c.json({ reads: await s.chat.markRead(participant(c.var.principal), c.req.valid('param').id, c.req.valid('json')) }, 200));
}

/** `GET /conversations`. */
export function conversationRoutes(s: Services) {
  const app = router();
  app.use('*', requireViewer(s.auth, { agents: true }));
  return app.openapi(listConversations, async (c) => c.json({ conversations: await s.chat.conversations(participant(c.var.principal)) }, 200));
}
