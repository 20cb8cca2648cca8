import * as client from 'openid-client';
import type { Directory } from '../directory/directory.js';
import { ApiError } from '../lib/errors.js';
import { agentByEmail, supervisorByEmail } from './person-by-email.js';
import { SignInFlows, type SignInRole } from './sign-in-flows.js';

export interface OidcSignInOptions {
  issuer: string;
  clientId: string;
  /** Absent: a public client, proven by PKCE alone. */
  clientSecret: string | undefined;
  /** The ID token claim that names the person (FLOORVIEW_OIDC_CLAIM). */
  claim: string;
}

/** Whom a finished sign-in is for, and where the browser goes next. */
export interface SignedInPerson {
  role: SignInRole;
  id: string;
  returnTo: string;
}

const refused = (code: string, message: string) => new ApiError(401, code, message);

/**
 * "Sign in with <provider>" on the standalone pages: the authorization-code flow with PKCE (S256),
 * `state` and `nonce` (openid-client), against the issuer the portal's bearer tokens come from. The
 * ID token's claim is matched to a supervisor or an agent of the directory; the route then issues
 * the usual session.
 */
export class OidcSignIn {
  private configuration: Promise<client.Configuration> | null = null;
  private readonly flows: SignInFlows;

  constructor(
    private readonly options: OidcSignInOptions,
    private readonly directory: () => Directory,
    clock: () => number,
  ) {
    this.flows = new SignInFlows(clock);
  }

  /**
   * The address of the provider's sign-in page for a new flow, and the flow's id for the browser's
   * cookie. `returnTo` and `redirectUri` are absolute URLs the route has checked.
   */
  async start(role: SignInRole, returnTo: string, redirectUri: string): Promise<{ url: string; flowId: string }> {
    const config = await this.discover();
    const verifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: 'openid email',
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    const flowId = this.flows.open({ verifier, state, nonce, role, returnTo, redirectUri });
    return { url: url.href, flowId };
  }

  /**
   * The provider's answer at the callback (`params`: its query), for the flow the browser's cookie
   * names. The flow is used up whatever happens, so neither a replay nor a second try with a
   * guessed state can reach the code exchange.
   */
  async finish(flowId: string | undefined, params: URLSearchParams): Promise<SignedInPerson> {
    const flow = flowId ? this.flows.take(flowId) : null;
    if (!flow) {
      throw new ApiError(
        400,
        'sign_in_expired',
        'This sign-in was not started in this browser, was already completed, or took longer than 10 minutes: start it again from the sign-in page.',
      );
    }
    if (params.get('state') !== flow.state) {
      throw new ApiError(400, 'state_mismatch', 'The provider’s answer does not belong to the sign-in this browser started (its state differs): start it again from the sign-in page.');
    }
    const error = params.get('error');
    if (error) throw refused('provider_refused', `The provider refused the sign-in: ${params.get('error_description') ?? error}.`);
    const config = await this.discover();
    const callback = new URL(flow.redirectUri);
    callback.search = params.toString();
    let claims: client.IDToken | undefined;
    try {
      const tokens = await client.authorizationCodeGrant(config, callback, {
        pkceCodeVerifier: flow.verifier,
        expectedState: flow.state,
        expectedNonce: flow.nonce,
        idTokenExpected: true,
      });
      claims = tokens.claims();
    } catch (err) {
      throw refused('sign_in_failed', `The provider’s answer could not be verified: ${(err as Error).message}.`);
    }
    const value = claims?.[this.options.claim];
    if (typeof value !== 'string' || value === '') {
      throw refused('claim_missing', `The provider’s ID token has no \`${this.options.claim}\` claim to find the person by (FLOORVIEW_OIDC_CLAIM).`);
    }
    return { role: flow.role, id: this.personOf(flow.role, value), returnTo: flow.returnTo };
  }

  /** The supervisor or agent whose directory email is the claim's value, compared without case. */
  private personOf(role: SignInRole, value: string): string {
    const person = role === 'supervisor' ? supervisorByEmail(this.directory(), value) : agentByEmail(this.directory(), value);
    if (person) return person.id;
    throw new ApiError(403, 'not_in_directory', `${value} (the \`${this.options.claim}\` claim) is not a ${role} in Floorview’s directory: ask an administrator to add them.`);
  }

  /** Discovery on the first sign-in, and again after a failure: an issuer down at start does not stop the server. */
  private discover(): Promise<client.Configuration> {
    const { issuer, clientId, clientSecret } = this.options;
    const insecure = new URL(issuer).protocol === 'http:';
    this.configuration ??= client
      .discovery(new URL(issuer), clientId, undefined, clientSecret === undefined ? client.None() : client.ClientSecretBasic(clientSecret), {
        // Plain HTTP is for an issuer on the loopback in development and tests; env.ts lets an operator choose it.
        execute: insecure ? [client.allowInsecureRequests] : [],
      })
      .catch((err: Error) => {
        this.configuration = null;
        throw new ApiError(503, 'provider_unavailable', `The sign-in provider ${issuer} could not be reached: ${err.message}. Try again shortly.`);
      });
    return this.configuration;
  }
}
