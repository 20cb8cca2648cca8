import { createHash } from 'node:crypto';
import { createRoute, z } from '@hono/zod-openapi';
import { requireOwnDesk, requireViewer } from '../auth/middleware.js';
import { badRequest, conflict } from '../lib/errors.js';
import type { Services } from '../wiring/services.js';
import { completeWrapupBody, wrapupCompletedSchema, wrapupReasonListSchema } from '../../contract/wrapup.js';
import { limitBody } from './body-limit.js';
import { bearerSecurity, errors, json, jsonBody, router } from './openapi-common.js';

const agentParam = z.object({ id: z.string().min(1).max(200).openapi({ param: { name: 'id', in: 'path' } }) });

const listWrapupReasons = createRoute({
  method: 'get',
  operationId: 'listWrapupReasons',
  path: '/{id}/wrapup-reasons',
  tags: ['Wrap-up'],
  summary: 'The wrap-up reasons the agent chooses from',
  security: bearerSecurity,
  request: { params: agentParam },
  responses: { 200: json(wrapupReasonListSchema, 'The directory’s wrap-up reasons, in directory order, with their translations.'), ...errors(401, 403) },
});

const completeWrapup = createRoute({
  method: 'post',
  operationId: 'completeWrapup',
  path: '/{id}/wrapup',
  tags: ['Wrap-up'],
  summary: 'Choose the wrap-up reason: the after-call work is done',
  description:
    'From the agent’s own desk, while in wrap-up, for platforms that collect no wrap-up reason (Asterisk has after-call work time but no reason). Records `wrapup.completed` for the call being wrapped up through the ingestion path, as a platform would; choosing again for the same call changes nothing. 409 `not_in_wrapup` outside wrap-up.',
  security: bearerSecurity,
  request: { params: agentParam, body: jsonBody(completeWrapupBody) },
  responses: { 200: json(wrapupCompletedSchema, 'Recorded: the live row leaves wrap-up as the event is applied.'), ...errors(400, 401, 403, 409) },
});

/** `/agents/:id/wrapup…`, for the agent's own desk. Mounted before the agents routes: these take agent desk sessions, which those refuse. */
export function wrapupRoutes(s: Services) {
  const app = router();
  const ownDesk = requireOwnDesk('Only the agent’s own desk chooses its wrap-up reason.');
  for (const path of ['/:id/wrapup', '/:id/wrapup-reasons']) app.use(path, limitBody(), requireViewer(s.auth, { agents: true }), ownDesk);
  return app
    .openapi(listWrapupReasons, (c) =>
      c.json({ wrapupReasons: [...s.directory.wrapupReasons].map(([id, r]) => ({ id, name: r.name, names: r.names })) }, 200),
    )
    .openapi(completeWrapup, async (c) => {
      const { id } = c.req.valid('param');
      const { reasonId } = c.req.valid('json');
      if (!s.directory.wrapupReasons.has(reasonId)) throw badRequest('No wrap-up reason was recorded.', { reasonId: `unknown wrap-up reason "${reasonId}"` });
      const agent = s.floor.state.agents.get(id);
      if (agent?.contactState !== 'wrapup' || agent.callId === null)
        throw conflict('not_in_wrapup', 'Not in wrap-up (after-call work): there is no call to give a reason for.');
      const callId = agent.callId;
      // One id per agent and call: a second choice (a double click, another tab) is a duplicate, ignored.
      const eventId = `desk-wrapup-${createHash('sha1').update(`${id}\u001f${callId}`).digest('base64url')}`;
      await s.ingest.ingest([{ type: 'wrapup.completed', id: eventId, at: new Date(s.clock()).toISOString(), agentId: id, callId, reasonId }]);
      return c.json({ callId, reasonId }, 200);
    });
}
