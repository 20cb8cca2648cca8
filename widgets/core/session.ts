import { apiFetch, type ApiTarget } from './api.js';

/** `GET /auth/me` (and `/auth/session` when signed in): who the credentials belong to; commands are offered only to supervisors, the agent desk only to agents. */
export interface Viewer {
  kind: 'supervisor' | 'display' | 'agent';
  id: string;
  name?: string;
  isAdmin: boolean;
  queues: string[];
  expiresAt: string | null;
}

type SessionProbe = { signedIn: false } | { signedIn: true; viewer: Viewer };

/**
 * Who the credentials belong to, or null when they name no one (no cookie, an
 * expired session, a refused token). Asks `GET /auth/session`, which answers
 * "signed out" with a 200: a portal page without a session logs no failed request.
 */
export async function fetchViewer(target: ApiTarget, signal?: AbortSignal): Promise<Viewer | null> {
  const probe = await apiFetch<SessionProbe>(target, '/api/v1/auth/session', { signal });
  return probe.signedIn ? probe.viewer : null;
}

/** Signs in with the session cookie (the token in the answer is not kept: the cookie is the credential). */
export async function signIn(api: string, email: string, password: string): Promise<void> {
  await apiFetch(
    { api, token: null },
    '/api/v1/auth/login',
    { method: 'POST', body: { email, password } },
  );
}
