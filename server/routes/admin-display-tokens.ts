import { createDisplayTokenBody, displayTokenAnswerSchema, displayTokenCreatedSchema, displayTokenListSchema, updateDisplayTokenBody } from '../../contract/admin.js';
import { actorOf } from '../auth/require-admin.js';
import { adminDisplayTokens } from '../admin/admin-views.js';
import type { Services } from '../wiring/services.js';
import { adminRoute, adminRouter, idParams } from './admin-common.js';
import { errors, json, jsonBody } from './openapi-common.js';

const list = adminRoute({
  method: 'get',
  operationId: 'adminListDisplayTokens',
  path: '/',
  summary: 'Every wallboard display token (never its secret), revoked ones too',
  responses: { 200: json(displayTokenListSchema, 'Display tokens.') },
});

const create = adminRoute({
  method: 'post',
  operationId: 'adminCreateDisplayToken',
  path: '/',
  summary: 'Create a display token for a wallboard: its secret is in this answer only',
  request: { body: jsonBody(createDisplayTokenBody) },
  responses: { 201: json(displayTokenCreatedSchema, 'The token and its secret.'), ...errors(400, 409) },
});

const update = adminRoute({
  method: 'patch',
  operationId: 'adminUpdateDisplayToken',
  path: '/{id}',
  summary: 'Relabel a display token or change its queues; an open wallboard follows at once',
  request: { params: idParams, body: jsonBody(updateDisplayTokenBody) },
  responses: { 200: json(displayTokenAnswerSchema, 'The token.'), ...errors(400, 404, 409) },
});

const revoke = adminRoute({
  method: 'post',
  operationId: 'adminRevokeDisplayToken',
  path: '/{id}/revoke',
  summary: 'Revoke a display token: its wallboard’s streams are closed and its sessions refused',
  request: { params: idParams },
  responses: { 200: json(displayTokenAnswerSchema, 'The token, revoked.'), ...errors(400, 404, 409) },
});

export function adminDisplayTokenRoutes(s: Services) {
  const admin = s.admin.directory;
  return adminRouter(s)
    .openapi(list, (c) => c.json({ displayTokens: adminDisplayTokens(s.db) }, 200))
    .openapi(create, (c) => c.json(admin.createDisplayToken(actorOf(c.var.principal), c.req.valid('json')), 201))
    .openapi(update, (c) => c.json({ displayToken: admin.updateDisplayToken(actorOf(c.var.principal), c.req.valid('param').id, c.req.valid('json')) }, 200))
    .openapi(revoke, (c) => c.json({ displayToken: admin.revokeDisplayToken(actorOf(c.var.principal), c.req.valid('param').id) }, 200));
}
