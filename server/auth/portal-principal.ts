import type { Directory } from '../directory/directory.js';
import { ApiError } from '../lib/errors.js';
import { agentByEmail, supervisorByEmail } from './person-by-email.js';
import type { PortalIdentity } from './portal-tokens.js';
import { agentScope, scopeOf, type Principal } from './principal.js';

/**
 * The directory's person a portal token names, by email ignoring case: a supervisor first, else an
 * agent (the agent desk). The scope is the directory's, exactly as for a password session; the
 * token's roles claim, when configured, decides admin. No Floorview session stands behind it
 * (`sessionId` null): it ends when the token does.
 */
export function portalPrincipal(directory: Directory, identity: PortalIdentity): Principal {
  const { expiresAt } = identity;
  const s = supervisorByEmail(directory, identity.subject);
  if (s) return { kind: 'supervisor', id: s.id, name: s.name, isAdmin: identity.isAdmin ?? s.isAdmin, scope: scopeOf(s.queues), sessionId: null, expiresAt };
  const a = agentByEmail(directory, identity.subject);
  if (a) return { kind: 'agent', id: a.id, name: a.name, scope: agentScope(a.id, a.queues), sessionId: null, expiresAt };
  throw new ApiError(
    403,
    'not_in_directory',
    `The portal signed in "${identity.subject}", who is neither a supervisor nor an agent in Floorview's directory; an admin adds them with that email.`,
  );
}
