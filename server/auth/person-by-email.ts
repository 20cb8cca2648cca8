import type { AgentInfo, Directory, SupervisorInfo } from '../directory/directory.js';

/**
 * The directory's person an OpenID provider's claim names (the portal's bearer token, the sign-in
 * with the provider): by email, compared without case or surrounding spaces.
 */
export function supervisorByEmail(directory: Directory, email: string): SupervisorInfo | undefined {
  const key = email.trim().toLowerCase();
  for (const s of directory.supervisors.values()) if (s.email.toLowerCase() === key) return s;
  return undefined;
}

export function agentByEmail(directory: Directory, email: string): AgentInfo | undefined {
  const key = email.trim().toLowerCase();
  for (const a of directory.agents.values()) if (a.email?.toLowerCase() === key) return a;
  return undefined;
}
