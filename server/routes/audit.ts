import { createRoute, z } from '@hono/zod-openapi';
import { asSupervisor, requireViewer } from '../auth/middleware.js';
import { forbidden } from '../lib/errors.js';
import type { Services } from '../wiring/services.js';
import { bearerSecurity, errors, json, router } from './openapi-common.js';

const entrySchema = z
  .object({
    id: z.number().int(),
    at: z.string(),
    supervisorId: z.string(),
    action: z.string().describe('set_state, sign_out, join_queue, leave_queue, monitor, end_monitor'),
    agentId: z.string().nullable(),
    queueId: z.string().nullable(),
    detail: z.record(z.string(), z.unknown()).nullable(),
    outcome: z.enum(['sent', 'refused', 'failed']),
    message: z.string().nullable(),
  })
  .openapi('AuditEntry');

const listAudit = createRoute({
  method: 'get',
  operationId: 'listAudit',
  path: '/',
  tags: ['Audit'],
  summary: 'Supervisor command audit log, newest first',
  description: 'Admins read every entry; other supervisors read their own. Page with `before=<id of the last entry>`.',
  security: bearerSecurity,
  request: {
    query: z.object({
      supervisor: z.string().max(200).optional(),
      agent: z.string().max(200).optional(),
      from: z.iso.datetime({ offset: true }).optional(),
      to: z.iso.datetime({ offset: true }).optional(),
      before: z.coerce.number().int().positive().optional(),
      limit: z.coerce.number().int().min(1).max(1000).default(100),
    }),
  },
  responses: { 200: json(z.object({ entries: z.array(entrySchema) }), 'Entries.'), ...errors(400, 401, 403) },
});

export function auditRoutes(s: Services) {
  const app = router();
  app.use('*', requireViewer(s.auth));
  return app.openapi(listAudit, async (c) => {
    const me = asSupervisor(c.var.principal);
    const q = c.req.valid('query');
    if (!me.isAdmin && q.supervisor !== undefined && q.supervisor !== me.id) {
      throw forbidden("Only admins read other supervisors' entries.");
    }
    const entries = await s.audit.list({
      supervisorId: me.isAdmin ? q.supervisor : me.id,
      agentId: q.agent,
      from: q.from ? Date.parse(q.from) : undefined,
      to: q.to ? Date.parse(q.to) : undefined,
      before: q.before,
      limit: q.limit,
    });
    return c.json({ entries }, 200);
  });
}
