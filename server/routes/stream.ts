import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import { createRoute } from '@hono/zod-openapi';
import { streamMessageSchema, streamQuery } from '../../contract/stream.js';
import { authenticateRequest } from '../auth/middleware.js';
import { viewerOf } from '../auth/principal.js';
import type { Services } from '../wiring/services.js';
import { openEventStream, SseConnection } from '../stream/sse-connection.js';
import { bearerSecurity, errors, router } from './openapi-common.js';

const stream = createRoute({
  method: 'get',
  operationId: 'openStream',
  path: '/stream',
  tags: ['Live'],
  summary: 'The live stream (Server-Sent Events)',
  description: [
    'One connection serves every live widget of a page. Each message has an `id`, an `event` (`snapshot` or `delta`) and a `data` line: the JSON of a `FloorSnapshot` or a `FloorDelta` (StreamMessage below describes them). With `?delta=fields` a delta carries only the fields that changed, each row named by its id, to be set over the row held; rows that left the scope are listed to be forgotten. A delta may also carry the viewer’s own items (chat, reports, alerts). An agent desk session sees its own agent row and its queues’ rows.',
    'Every message has an `id`; reconnect with `Last-Event-ID` (or `?lastEventId=`) to get one merged delta of what you missed (chat items included, each once), or a fresh snapshot when that is too old — then fetch chat with `GET /agents/{id}/messages` and reports with `GET /reports`. A comment line every ~15 s keeps proxies from closing the stream.',
    'Credentials: the session cookie, `Authorization: Bearer`, or `?ticket=` from `POST /auth/stream-ticket` (EventSource cannot send headers; never put a long-lived token in a URL).',
  ].join('\n\n'),
  security: [...bearerSecurity, { ticket: [] }],
  request: {
    query: streamQuery,
  },
  responses: {
    200: { description: 'An endless `text/event-stream` of StreamMessages.', content: { 'text/event-stream': { schema: streamMessageSchema } } },
    ...errors(400, 401),
  },
});

export function streamRoutes(s: Services) {
  return router().openapi(stream, async (c) => {
    const { ticket, lastEventId, delta } = c.req.valid('query');
    const principal = await authenticateRequest(c, s.auth, { ticket });
    const res = c.env.outgoing;
    // The headers prepared so far are the CORS middleware's, for this request's Origin.
    openEventStream(res, c.res.headers);
    const conn = new SseConnection(res, principal.scope, principal.expiresAt, viewerOf(principal), principal.sessionId, delta === 'fields');
    s.hub.connect(conn, c.req.header('last-event-id') ?? lastEventId ?? null);
    return RESPONSE_ALREADY_SENT as unknown as Response & { _data: never; _status: 200; _format: 'text' };
  });
}
