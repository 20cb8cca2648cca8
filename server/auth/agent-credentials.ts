import { timingSafeEqual } from 'node:crypto';
import type { DirectoryFile } from '../directory/directory-file.js';
import { isPasswordHash, sha256, verifyPassword } from '../lib/secrets.js';

/** How an agent names themselves at the agent desk's sign-in. */
export type AgentLogin = { email: string } | { agentId: string };

type Secret = { kind: 'scrypt'; hash: string } | { kind: 'sha256'; digest: Buffer };

/**
 * Agent desk passwords from the directory file (`agents[].password`), the demo's
 * and a small site's way to sign agents in; a real platform issues desk tokens
 * instead (`POST /agents/:id/desk-token`). Kept in memory only: the database
 * holds no agent credentials. A clear-text password is reduced to its SHA-256
 * when the file is loaded, because scrypt for every agent would add seconds to
 * each start; an `scrypt$…` hash in the file is used as it is.
 */
export class AgentCredentials {
  private readonly secrets = new Map<string, Secret>();
  private readonly byEmail = new Map<string, string>();

  static fromFile(file: Pick<DirectoryFile, 'agents'>): AgentCredentials {
    const credentials = new AgentCredentials();
    for (const agent of file.agents) {
      if (!agent.password) continue;
      credentials.secrets.set(
        agent.id,
        isPasswordHash(agent.password) ? { kind: 'scrypt', hash: agent.password } : { kind: 'sha256', digest: digest(agent.password) },
      );
      if (agent.email) credentials.byEmail.set(agent.email.toLowerCase(), agent.id);
    }
    return credentials;
  }

  /** The agent whose password this is, or null. Unknown logins cost the same as wrong passwords. */
  async verify(login: AgentLogin, password: string): Promise<string | null> {
    const agentId = 'email' in login ? this.byEmail.get(login.email.trim().toLowerCase()) : login.agentId;
    const secret = agentId === undefined ? undefined : this.secrets.get(agentId);
    if (secret?.kind === 'scrypt') return (await verifyPassword(password, secret.hash)) ? agentId! : null;
    const ok = timingSafeEqual(digest(password), secret?.digest ?? UNKNOWN);
    return secret && ok ? agentId! : null;
  }
}

const digest = (password: string) => Buffer.from(sha256(password), 'base64url');
const UNKNOWN = digest('\u0000no agent has this password');
