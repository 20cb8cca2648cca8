import { adminSupervisorAnswerSchema, adminSupervisorListSchema, createSupervisorBody, updateSupervisorBody } from '../../contract/admin.js';
import { actorOf } from '../auth/require-admin.js';
import { adminSupervisors } from '../admin/admin-views.js';
import type { Services } from '../wiring/services.js';
import { adminRoute, adminRouter, idParams } from './admin-common.js';
import { errors, json, jsonBody } from './openapi-common.js';

const list = adminRoute({
  method: 'get',
  operationId: 'adminListSupervisors',
  path: '/',
  summary: 'Every supervisor with their queue scope, retired ones too',
  responses: { 200: json(adminSupervisorListSchema, 'Supervisors.') },
});

const create = adminRoute({
  method: 'post',
  operationId: 'adminCreateSupervisor',
  path: '/',
  summary: 'Create a supervisor',
  description: 'Without `password`, only the identity provider signs them in. 409 `id_in_use`, `email_in_use`, `unknown_queue`.',
  request: { body: jsonBody(createSupervisorBody) },
  responses: { 201: json(adminSupervisorAnswerSchema, 'The supervisor.'), ...errors(400, 409) },
});

const update = adminRoute({
  method: 'patch',
  operationId: 'adminUpdateSupervisor',
  path: '/{id}',
  summary: 'Change a supervisor (the fields sent); a new scope reaches their open streams at once',
  description: '409 `last_admin` when it would leave no admin.',
  request: { params: idParams, body: jsonBody(updateSupervisorBody) },
  responses: { 200: json(adminSupervisorAnswerSchema, 'The supervisor.'), ...errors(400, 404, 409) },
});

const retire = adminRoute({
  method: 'post',
  operationId: 'adminRetireSupervisor',
  path: '/{id}/retire',
  summary: 'Retire a supervisor: sessions and streams end, sign-in refused',
  request: { params: idParams },
  responses: { 200: json(adminSupervisorAnswerSchema, 'The supervisor, retired.'), ...errors(400, 404, 409) },
});

export function adminSupervisorRoutes(s: Services) {
  const people = s.admin.people;
  return adminRouter(s)
    .openapi(list, (c) => c.json({ supervisors: adminSupervisors(s.db) }, 200))
    .openapi(create, async (c) => c.json({ supervisor: await people.createSupervisor(actorOf(c.var.principal), c.req.valid('json')) }, 201))
    .openapi(update, async (c) => c.json({ supervisor: await people.updateSupervisor(actorOf(c.var.principal), c.req.valid('param').id, c.req.valid('json')) }, 200))
    .openapi(retire, (c) => c.json({ supervisor: people.retireSupervisor(actorOf(c.var.principal), c.req.valid('param').id) }, 200));
}
