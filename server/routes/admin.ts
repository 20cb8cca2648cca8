import { directoryChangePageSchema, directoryChangesQuery } from '../../contract/admin.js';
import type { Services } from '../wiring/services.js';
import { adminRoute, adminRouter } from './admin-common.js';
import { adminAgentRoutes } from './admin-agents.js';
import { adminDisplayTokenRoutes } from './admin-display-tokens.js';
import { adminIntegrationKeyRoutes } from './admin-integration-keys.js';
import { adminQueueRoutes } from './admin-queues.js';
import { adminSupervisorRoutes } from './admin-supervisors.js';
import { adminWrapupReasonRoutes } from './admin-wrapup-reasons.js';
import { errors, json, router } from './openapi-common.js';

const audit = adminRoute({
  method: 'get',
  operationId: 'adminListDirectoryChanges',
  path: '/',
  summary: 'The audit of directory changes, newest first: who, when, what, before → after',
  description: 'Page with `before=<nextBefore of the previous page>`.',
  request: { query: directoryChangesQuery },
  responses: { 200: json(directoryChangePageSchema, 'Changes.'), ...errors(400) },
});

/** Directory administration, `/admin/…`: admins only; every change audited and live at once. */
export function adminRoutes(s: Services) {
  return router()
    .route('/queues', adminQueueRoutes(s))
    .route('/agents', adminAgentRoutes(s))
    .route('/supervisors', adminSupervisorRoutes(s))
    .route('/wrapup-reasons', adminWrapupReasonRoutes(s))
    .route('/integration-keys', adminIntegrationKeyRoutes(s))
    .route('/display-tokens', adminDisplayTokenRoutes(s))
    .route(
      '/audit',
      adminRouter(s).openapi(audit, async (c) => c.json(await s.admin.changes.page(c.req.valid('query')), 200)),
    );
}
