import { adminWrapupReasonAnswerSchema, adminWrapupReasonListSchema, createWrapupReasonBody, updateWrapupReasonBody } from '../../contract/admin.js';
import { actorOf } from '../auth/require-admin.js';
import { adminWrapupReasons } from '../admin/admin-views.js';
import type { Services } from '../wiring/services.js';
import { adminRoute, adminRouter, idParams } from './admin-common.js';
import { errors, json, jsonBody } from './openapi-common.js';

const list = adminRoute({
  method: 'get',
  operationId: 'adminListWrapupReasons',
  path: '/',
  summary: 'Every wrap-up reason, retired ones too',
  responses: { 200: json(adminWrapupReasonListSchema, 'Wrap-up reasons.') },
});

const create = adminRoute({
  method: 'post',
  operationId: 'adminCreateWrapupReason',
  path: '/',
  summary: 'Create a wrap-up reason; agents choose it at once',
  request: { body: jsonBody(createWrapupReasonBody) },
  responses: { 201: json(adminWrapupReasonAnswerSchema, 'The reason.'), ...errors(400, 409) },
});

const update = adminRoute({
  method: 'patch',
  operationId: 'adminUpdateWrapupReason',
  path: '/{id}',
  summary: 'Rename a wrap-up reason or its translations',
  request: { params: idParams, body: jsonBody(updateWrapupReasonBody) },
  responses: { 200: json(adminWrapupReasonAnswerSchema, 'The reason.'), ...errors(400, 404, 409) },
});

const retire = adminRoute({
  method: 'post',
  operationId: 'adminRetireWrapupReason',
  path: '/{id}/retire',
  summary: 'Retire a wrap-up reason: no longer offered; reports keep its name',
  request: { params: idParams },
  responses: { 200: json(adminWrapupReasonAnswerSchema, 'The reason, retired.'), ...errors(400, 404, 409) },
});

export function adminWrapupReasonRoutes(s: Services) {
  const admin = s.admin.directory;
  return adminRouter(s)
    .openapi(list, (c) => c.json({ wrapupReasons: adminWrapupReasons(s.db) }, 200))
    .openapi(create, (c) => c.json({ wrapupReason: admin.createWrapupReason(actorOf(c.var.principal), c.req.valid('json')) }, 201))
    .openapi(update, (c) => c.json({ wrapupReason: admin.updateWrapupReason(actorOf(c.var.principal), c.req.valid('param').id, c.req.valid('json')) }, 200))
    .openapi(retire, (c) => c.json({ wrapupReason: admin.retireWrapupReason(actorOf(c.var.principal), c.req.valid('param').id) }, 200));
}
