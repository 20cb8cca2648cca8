import type { DirectoryChangePage } from '../../contract/admin.js';
import { api, type ApiTarget } from '../core/api.js';
import type { DirectoryRecord } from './record-draft.js';
import type { RecordKind } from './sections.js';

/** A request body the dialog built from its fields: the server checks it against the contract and names what is wrong. */
type Body = Record<string, unknown>;

interface Routes {
  list(target: ApiTarget, signal?: AbortSignal): Promise<DirectoryRecord[]>;
  /** The created record, and the secret the server generated for a key or token: shown once. */
  create(target: ApiTarget, body: Body): Promise<{ record: DirectoryRecord; secret?: string }>;
  update(target: ApiTarget, id: string, body: Body): Promise<DirectoryRecord>;
  /** Retires a record, or revokes a key or token. */
  retire(target: ApiTarget, id: string): Promise<unknown>;
}

/** Each kind's calls of the admin API (contract/routes.ts), by the kind's name in the widget. */
export const ADMIN_API: Record<RecordKind, Routes> = {
  queues: {
    list: (t, signal) => api(t, 'GET /admin/queues', { signal }).then((r) => r.queues),
    create: (t, body) => api(t, 'POST /admin/queues', { body: body as never }).then((r) => ({ record: r.queue })),
    update: (t, id, body) => api(t, 'PATCH /admin/queues/{id}', { params: { id }, body }).then((r) => r.queue),
    retire: (t, id) => api(t, 'POST /admin/queues/{id}/retire', { params: { id } }),
  },
  agents: {
    list: (t, signal) => api(t, 'GET /admin/agents', { signal }).then((r) => r.agents),
    create: (t, body) => api(t, 'POST /admin/agents', { body: body as never }).then((r) => ({ record: r.agent })),
    update: (t, id, body) => api(t, 'PATCH /admin/agents/{id}', { params: { id }, body }).then((r) => r.agent),
    retire: (t, id) => api(t, 'POST /admin/agents/{id}/retire', { params: { id } }),
  },
  supervisors: {
    list: (t, signal) => api(t, 'GET /admin/supervisors', { signal }).then((r) => r.supervisors),
    create: (t, body) => api(t, 'POST /admin/supervisors', { body: body as never }).then((r) => ({ record: r.supervisor })),
    update: (t, id, body) => api(t, 'PATCH /admin/supervisors/{id}', { params: { id }, body }).then((r) => r.supervisor),
    retire: (t, id) => api(t, 'POST /admin/supervisors/{id}/retire', { params: { id } }),
  },
  wrapupReasons: {
    list: (t, signal) => api(t, 'GET /admin/wrapup-reasons', { signal }).then((r) => r.wrapupReasons),
    create: (t, body) => api(t, 'POST /admin/wrapup-reasons', { body: body as never }).then((r) => ({ record: r.wrapupReason })),
    update: (t, id, body) => api(t, 'PATCH /admin/wrapup-reasons/{id}', { params: { id }, body }).then((r) => r.wrapupReason),
    retire: (t, id) => api(t, 'POST /admin/wrapup-reasons/{id}/retire', { params: { id } }),
  },
  integrationKeys: {
    list: (t, signal) => api(t, 'GET /admin/integration-keys', { signal }).then((r) => r.integrationKeys),
    create: (t, body) => api(t, 'POST /admin/integration-keys', { body: body as never }).then((r) => ({ record: r.integrationKey, secret: r.secret })),
    update: (t, id, body) => api(t, 'PATCH /admin/integration-keys/{id}', { params: { id }, body }).then((r) => r.integrationKey),
    retire: (t, id) => api(t, 'POST /admin/integration-keys/{id}/revoke', { params: { id } }),
  },
  displayTokens: {
    list: (t, signal) => api(t, 'GET /admin/display-tokens', { signal }).then((r) => r.displayTokens),
    create: (t, body) => api(t, 'POST /admin/display-tokens', { body: body as never }).then((r) => ({ record: r.displayToken, secret: r.secret })),
    update: (t, id, body) => api(t, 'PATCH /admin/display-tokens/{id}', { params: { id }, body }).then((r) => r.displayToken),
    retire: (t, id) => api(t, 'POST /admin/display-tokens/{id}/revoke', { params: { id } }),
  },
};

export const listAudit = (target: ApiTarget, before: number | undefined, signal?: AbortSignal): Promise<DirectoryChangePage> =>
  api(target, 'GET /admin/audit', { query: { before }, signal });
