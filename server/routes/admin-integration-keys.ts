import { createIntegrationKeyBody, integrationKeyAnswerSchema, integrationKeyCreatedSchema, integrationKeyListSchema, updateIntegrationKeyBody } from '../../contract/admin.js';
import { actorOf } from '../auth/require-admin.js';
import { adminIntegrationKeys } from '../admin/admin-views.js';
import type { Services } from '../wiring/services.js';
import { adminRoute, adminRouter, idParams } from './admin-common.js';
import { errors, json, jsonBody } from './openapi-common.js';

const list = adminRoute({
  method: 'get',
  operationId: 'adminListIntegrationKeys',
  path: '/',
  summary: 'Every integration key (never its secret), revoked ones too',
  responses: { 200: json(integrationKeyListSchema, 'Integration keys.') },
});

const create = adminRoute({
  method: 'post',
  operationId: 'adminCreateIntegrationKey',
  path: '/',
  summary: 'Create an integration key: its secret is in this answer only',
  request: { body: jsonBody(createIntegrationKeyBody) },
  responses: { 201: json(integrationKeyCreatedSchema, 'The key and its secret.'), ...errors(400, 409) },
});

const update = adminRoute({
  method: 'patch',
  operationId: 'adminUpdateIntegrationKey',
  path: '/{id}',
  summary: 'Relabel an integration key',
  request: { params: idParams, body: jsonBody(updateIntegrationKeyBody) },
  responses: { 200: json(integrationKeyAnswerSchema, 'The key.'), ...errors(400, 404, 409) },
});

const revoke = adminRoute({
  method: 'post',
  operationId: 'adminRevokeIntegrationKey',
  path: '/{id}/revoke',
  summary: 'Revoke an integration key: ingestion with it is refused from the next request',
  request: { params: idParams },
  responses: { 200: json(integrationKeyAnswerSchema, 'The key, revoked.'), ...errors(400, 404, 409) },
});

export function adminIntegrationKeyRoutes(s: Services) {
  const admin = s.admin.directory;
  return adminRouter(s)
    .openapi(list, (c) => c.json({ integrationKeys: adminIntegrationKeys(s.db) }, 200))
    .openapi(create, (c) => c.json(admin.createIntegrationKey(actorOf(c.var.principal), c.req.valid('json')), 201))
    .openapi(update, (c) => c.json({ integrationKey: admin.updateIntegrationKey(actorOf(c.var.principal), c.req.valid('param').id, c.req.valid('json')) }, 200))
    .openapi(revoke, (c) => c.json({ integrationKey: admin.revokeIntegrationKey(actorOf(c.var.principal), c.req.valid('param').id) }, 200));
}
