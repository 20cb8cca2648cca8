import { apiFetch, type ApiTarget } from './api.js';

/** `GET /auth/me`: who the credentials belong to; commands are offered only to supervisors, the agent desk only to agents. */
export interface Viewer {
  kind: 'supervisor' | 'display' | 'agent';
  id: string;
  name?: string;
  isAdmin: boolean;
  queues: string[];
  expiresAt: string | null;
}

export function fetchViewer(target: ApiTarget, signal?: AbortSignal): Promise<Viewer> {
  return apiFetch<Viewer>(target, '/api/v1/auth/me', { signal });
}

/** Signs in with the session cookie (the token in the answer is not kept: the cookie is the credential). */
export async function signIn(api: string, email: string, password: string): Promise<void> {
  await apiFetch(
    { api, token: null },
    '/api/v1/auth/login',
    { method: 'POST', body: { email, password } },
  );
}
