import { adminSupervisorAnswerSchema, adminSupervisorListSchema, createSupervisorBody, updateSupervisorBody } from '../../contract/admin.js';
import { actorOf } from '../auth/require-admin.js';
import { adminSupervisors } from '../admin/admin-views.js';
import type { Services } from '../wiring/services.js';
import { adminRouter, resourceRoutes } from './admin-common.js';

const routes = resourceRoutes({
  name: 'Supervisor',
  list: [adminSupervisorListSchema, 'Every supervisor with their queue scope, retired ones too'],
  create: [createSupervisorBody, adminSupervisorAnswerSchema, 'Create a supervisor; without `password` only the identity provider signs them in'],
  update: [updateSupervisorBody, adminSupervisorAnswerSchema, 'Change a supervisor (the fields sent); a new scope reaches their open streams at once (409 `last_admin` when it would leave no admin)'],
  end: ['retire', 'Retire a supervisor: sessions and streams end, sign-in refused'],
});

export function adminSupervisorRoutes(s: Services) {
  const people = s.admin.people;
  return adminRouter(s)
    .openapi(routes.list, async (c) => c.json({ supervisors: await adminSupervisors(s.store) }, 200))
    .openapi(routes.create, async (c) => c.json({ supervisor: await people.createSupervisor(actorOf(c.var.principal), c.req.valid('json')) }, 201))
    .openapi(routes.update, async (c) => c.json({ supervisor: await people.updateSupervisor(actorOf(c.var.principal), c.req.valid('param').id, c.req.valid('json')) }, 200))
    .openapi(routes.end, async (c) => c.json({ supervisor: await people.retireSupervisor(actorOf(c.var.principal), c.req.valid('param').id) }, 200));
}
