import { createIntegrationKeyBody, integrationKeyAnswerSchema, integrationKeyCreatedSchema, integrationKeyListSchema, updateIntegrationKeyBody } from '../../contract/admin.js';
import { actorOf } from '../auth/require-admin.js';
import { adminIntegrationKeys } from '../admin/admin-views.js';
import type { Services } from '../wiring/services.js';
import { adminRouter, resourceRoutes } from './admin-common.js';

const routes = resourceRoutes({
  name: 'IntegrationKey',
  list: [integrationKeyListSchema, 'Every integration key (never its secret), revoked ones too'],
  create: [createIntegrationKeyBody, integrationKeyCreatedSchema, 'Create an integration key: its secret is in this answer only'],
  update: [updateIntegrationKeyBody, integrationKeyAnswerSchema, 'Relabel an integration key'],
  end: ['revoke', 'Revoke an integration key: ingestion with it is refused from the next request'],
});

export function adminIntegrationKeyRoutes(s: Services) {
  const admin = s.admin.directory;
  return adminRouter(s)
    .openapi(routes.list, async (c) => c.json({ integrationKeys: await adminIntegrationKeys(s.store) }, 200))
    .openapi(routes.create, async (c) => c.json(await admin.createIntegrationKey(actorOf(c.var.principal), c.req.valid('json')), 201))
    .openapi(routes.update, async (c) => c.json({ integrationKey: await admin.updateIntegrationKey(actorOf(c.var.principal), c.req.valid('param').id, c.req.valid('json')) }, 200))
    .openapi(routes.end, async (c) => c.json({ integrationKey: await admin.revokeIntegrationKey(actorOf(c.var.principal), c.req.valid('param').id) }, 200));
}
