import { createRoute } from '@hono/zod-openapi';
import { stateReasonListSchema } from '../../contract/commands.js';
import { requireViewer } from '../auth/middleware.js';
import type { Services } from '../wiring/services.js';
import { bearerSecurity, errors, json, router } from './openapi-common.js';

const listStateReasons = createRoute({
  method: 'get',
  operationId: 'listStateReasons',
  path: '/',
  tags: ['Live'],
  summary: 'Unavailable reasons the directory offers, with their translations',
  description:
    'What a state dialog suggests. Send the default `name` as a set_state `reason`: live rows then carry its translations in `stateReasonNames`. A reason the list does not hold is still accepted and shown as typed.',
  security: bearerSecurity,
  responses: {
    200: json(stateReasonListSchema, 'The reasons, in directory order.'),
    ...errors(401),
  },
});

export function stateReasonRoutes(s: Services) {
  const app = router();
  app.use('*', requireViewer(s.auth));
  return app.openapi(listStateReasons, (c) => c.json({ stateReasons: s.directory.stateReasons.map((r) => ({ name: r.name, names: r.names })) }, 200));
}
