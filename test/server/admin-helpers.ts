import type { Harness } from './harness.js';

type Headers = Record<string, string>;

/** A request to `/api/v1/admin<path>` as `who`, its status and JSON answer. */
export async function call(h: Harness, method: string, path: string, who: Headers, body?: unknown): Promise<{ status: number; json: any }> {
  const res = await h.app.request(`/api/v1/admin${path}`, {
    method,
    headers: { ...who, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: await res.json() };
}
