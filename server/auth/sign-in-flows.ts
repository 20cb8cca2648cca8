import { newToken } from '../lib/secrets.js';

/** Who the sign-in is for: the supervisors' pages or the agent desk. */
export type SignInRole = 'supervisor' | 'agent';

/** What a sign-in at the provider must come back with, kept on the server while the browser is away. */
export interface SignInFlow {
  /** PKCE: the provider is sent only its S256 hash. */
  verifier: string;
  state: string;
  nonce: string;
  role: SignInRole;
  /** The page to return to, an absolute URL on this server. */
  returnTo: string;
  /** The callback address the provider was given; the code exchange must name it again. */
  redirectUri: string;
  expiresAt: number;
}

/** Long enough to type a password and pass a second factor, short enough that a stolen flow cookie is soon worthless. */
export const FLOW_TTL_MS = 10 * 60_000;
/** A bound on memory: a page that starts sign-ins in a loop pushes out its own oldest flows, never more. */
const MAX_FLOWS = 10_000;

/**
 * Sign-ins under way, by a random id the browser holds in a cookie bound to the flow. Taking a
 * flow removes it, so a callback replayed (from history, a log, another tab) finds nothing. In
 * memory: a restart costs only the sign-ins in progress, which the person starts again.
 */
export class SignInFlows {
  private readonly flows = new Map<string, SignInFlow>();

  constructor(private readonly clock: () => number) {}

  open(flow: Omit<SignInFlow, 'expiresAt'>): string {
    this.sweep();
    if (this.flows.size >= MAX_FLOWS) this.flows.delete(this.flows.keys().next().value!);
    const id = newToken();
    this.flows.set(id, { ...flow, expiresAt: this.clock() + FLOW_TTL_MS });
    return id;
  }

  /** The flow, once: null when unknown, already taken or expired. */
  take(id: string): SignInFlow | null {
    const flow = this.flows.get(id);
    this.flows.delete(id);
    return flow && flow.expiresAt > this.clock() ? flow : null;
  }

  /** Maps keep insertion order and every flow lives equally long: the expired ones are at the front. */
  private sweep(): void {
    const now = this.clock();
    for (const [id, flow] of this.flows) {
      if (flow.expiresAt > now) break;
      this.flows.delete(id);
    }
  }
}
