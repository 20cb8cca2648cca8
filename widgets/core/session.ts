import type { Viewer } from '../../contract/auth.js';
import { api, type ApiTarget } from './api.js';

/**
 * Who the credentials belong to, or null when they name no one (no cookie, an
 * expired session, a refused token). Asks `GET /auth/session`, which answers
 * "signed out" with a 200: a portal page without a session logs no failed request.
 */
export async function fetchViewer(target: ApiTarget, signal?: AbortSignal): Promise<Viewer | null> {
  const probe = await api(target, 'GET /auth/session', { signal });
  return probe.signedIn ? probe.viewer : null;
}

/** Signs in with the session cookie (the token in the answer is not kept: the cookie is the credential). */
export async function signIn(base: string, email: string, password: string): Promise<void> {
  await api({ api: base, token: null }, 'POST /auth/login', { body: { email, password } });
}
