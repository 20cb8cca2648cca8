import { adminWrapupReasonAnswerSchema, adminWrapupReasonListSchema, createWrapupReasonBody, updateWrapupReasonBody } from '../../contract/admin.js';
import { actorOf } from '../auth/require-admin.js';
import { adminWrapupReasons } from '../admin/admin-views.js';
import type { Services } from '../wiring/services.js';
import { adminRouter, resourceRoutes } from './admin-common.js';

const routes = resourceRoutes({
  name: 'WrapupReason',
  list: [adminWrapupReasonListSchema, 'Every wrap-up reason, retired ones too'],
  create: [createWrapupReasonBody, adminWrapupReasonAnswerSchema, 'Create a wrap-up reason; agents choose it at once'],
  update: [updateWrapupReasonBody, adminWrapupReasonAnswerSchema, 'Rename a wrap-up reason or its translations'],
  end: ['retire', 'Retire a wrap-up reason: no longer offered; reports keep its name'],
});

export function adminWrapupReasonRoutes(s: Services) {
  const admin = s.admin.directory;
  return adminRouter(s)
    .openapi(routes.list, async (c) => c.json({ wrapupReasons: await adminWrapupReasons(s.store) }, 200))
    .openapi(routes.create, async (c) => c.json({ wrapupReason: await admin.createWrapupReason(actorOf(c.var.principal), c.req.valid('json')) }, 201))
    .openapi(routes.update, async (c) => c.json({ wrapupReason: await admin.updateWrapupReason(actorOf(c.var.principal), c.req.valid('param').id, c.req.valid('json')) }, 200))
    .openapi(routes.end, async (c) => c.json({ wrapupReason: await admin.retireWrapupReason(actorOf(c.var.principal), c.req.valid('param').id) }, 200));
}
