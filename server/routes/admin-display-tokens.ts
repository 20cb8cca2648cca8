import { createDisplayTokenBody, displayTokenAnswerSchema, displayTokenCreatedSchema, displayTokenListSchema, updateDisplayTokenBody } from '../../contract/admin.js';
import { actorOf } from '../auth/require-admin.js';
import { adminDisplayTokens } from '../admin/admin-views.js';
import type { Services } from '../wiring/services.js';
import { adminRouter, resourceRoutes } from './admin-common.js';

const routes = resourceRoutes({
  name: 'DisplayToken',
  list: [displayTokenListSchema, 'Every wallboard display token (never its secret), revoked ones too'],
  create: [createDisplayTokenBody, displayTokenCreatedSchema, 'Create a display token for a wallboard: its secret is in this answer only'],
  update: [updateDisplayTokenBody, displayTokenAnswerSchema, 'Relabel a display token or change its queues; an open wallboard follows at once'],
  end: ['revoke', 'Revoke a display token: its wallboard’s streams are closed and its sessions refused'],
});

export function adminDisplayTokenRoutes(s: Services) {
  const admin = s.admin.directory;
  return adminRouter(s)
    .openapi(routes.list, async (c) => c.json({ displayTokens: await adminDisplayTokens(s.store) }, 200))
    .openapi(routes.create, async (c) => c.json(await admin.createDisplayToken(actorOf(c.var.principal), c.req.valid('json')), 201))
    .openapi(routes.update, async (c) => c.json({ displayToken: await admin.updateDisplayToken(actorOf(c.var.principal), c.req.valid('param').id, c.req.valid('json')) }, 200))
    .openapi(routes.end, async (c) => c.json({ displayToken: await admin.revokeDisplayToken(actorOf(c.var.principal), c.req.valid('param').id) }, 200));
}
