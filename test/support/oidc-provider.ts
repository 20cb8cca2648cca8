/**
 * A real OpenID provider for the tests: `oidc-provider` (npm) listening on a loopback port, with
 * discovery, a JWKS, a token endpoint and the authorization-code flow, as a portal's issuer has.
 *
 *   const idp = await startOidcProvider();
 *   idp.issuer                                   // FLOORVIEW_OIDC_ISSUER
 *   await idp.token({ email: 'ava@example.com', roles: ['floorview-admin'], ttlSeconds: 600 })
 *   await idp.rotateKeys()                       // signs with a new key from now on; the JWKS lists new and old
 *   await idp.forge({ ...claims }, { alg: 'none' }) // what the provider would never issue
 *   await idp.close()
 *
 * `token()` is a real access token (JWT, RS256, `aud` = `audience`, default `AUDIENCE`) from the
 * provider's token endpoint by the client-credentials grant with a resource indicator. A
 * client-credentials token names no user, so the test says who it is for in request headers the
 * provider's `extraTokenClaims` reads: its `email` and `roles` claims (and any `claims`) are those.
 * Its `sub` is the client id.
 *
 * The authorization-code flow (with PKCE) uses the provider's development login form: any login and
 * password sign in, the login being the account id and its `email` claim (scope `openid email`);
 * `roles` (scope `roles`) come from `options.roles[login]`. The client `CLIENT_ID`/`CLIENT_SECRET`
 * takes `redirectUris`, which `setRedirectUris()` changes once the Floorview server knows its port.
 *
 * `rotateKeys()` and `setRedirectUris()` replace the provider behind the same address, as an issuer
 * redeploys: tokens already issued stay valid (they are JWTs), its sign-in sessions do not.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWK, type JWTPayload } from 'jose';
import Provider, { type Configuration } from 'oidc-provider';

export const CLIENT_ID = 'floorview-test';
export const CLIENT_SECRET = 'floorview-test-client-secret-0001';
/** The audience tokens carry unless a test asks for another: the resource indicator Floorview is. */
export const AUDIENCE = 'https://floorview.test/api';
/** The roles claim the provider puts roles in (Entra ID's name for it). */
export const ROLES_CLAIM = 'roles';

export interface TokenRequest {
  email?: string;
  roles?: string[];
  /** Lifetime in seconds (default 600). */
  ttlSeconds?: number;
  audience?: string;
  /** Further claims, beside `email` and `roles`. */
  claims?: Record<string, unknown>;
}

export interface OidcProviderOptions {
  /** A given port (an issuer that comes up after the server); default a free one. */
  port?: number;
  redirectUris?: string[];
  /** Roles of the accounts that sign in by the authorization-code flow, by login. */
  roles?: Record<string, string[]>;
}

export interface TestIssuer {
  /** `http://127.0.0.1:<port>`: discovery at `<issuer>/.well-known/openid-configuration`. */
  readonly issuer: string;
  /** The kid of the key the provider signs with now. */
  readonly kid: string;
  token(request?: TokenRequest): Promise<string>;
  /**
   * A JWT signed with the provider's current private key (and its kid), or not signed with
   * `alg: 'none'`: for the tokens a provider never issues (not yet valid, wrong issuer, tampered).
   */
  forge(payload: JWTPayload, header?: { alg?: 'RS256' | 'none'; kid?: string }): Promise<string>;
  rotateKeys(): Promise<void>;
  setRedirectUris(uris: string[]): void;
  close(): Promise<void>;
}

const CLAIMS_HEADER = 'x-test-claims';
const TTL_HEADER = 'x-test-ttl';

interface SigningKey {
  kid: string;
  privateJwk: JWK;
  privateKey: CryptoKey;
}

async function newSigningKey(): Promise<SigningKey> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = `key-${crypto.randomUUID().slice(0, 8)}`;
  return { kid, privateKey, privateJwk: { ...(await exportJWK(privateKey)), kid, alg: 'RS256', use: 'sig' } };
}

function headerOf(req: IncomingMessage | undefined, name: string): string | undefined {
  const value = req?.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export async function startOidcProvider(options: OidcProviderOptions = {}): Promise<TestIssuer> {
  let keys = [await newSigningKey()];
  let redirectUris = options.redirectUris ?? ['http://127.0.0.1/not-used'];
  let handler: (req: IncomingMessage, res: ServerResponse) => void = () => {};
  const server: Server = createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const configuration = (): Configuration => ({
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        grant_types: ['client_credentials', 'authorization_code'],
        response_types: ['code'],
        redirect_uris: redirectUris,
      },
    ],
    // The first key signs; the rest are still published, as in a rotation.
    jwks: { keys: keys.map((k) => k.privateJwk) },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], roles: [ROLES_CLAIM] },
    scopes: ['openid', 'email', 'roles'],
    pkce: { required: () => true },
    findAccount: (_ctx, id) => ({
      accountId: id,
      claims: () => ({ sub: id, email: id, email_verified: true, [ROLES_CLAIM]: options.roles?.[id] ?? [] }),
    }),
    features: {
      devInteractions: { enabled: true },
      clientCredentials: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => AUDIENCE,
        useGrantedResource: () => true,
        getResourceServerInfo: (ctx, resource) => ({
          scope: 'api',
          audience: resource,
          accessTokenFormat: 'jwt',
          accessTokenTTL: Number(headerOf(ctx.req, TTL_HEADER) ?? 600),
          jwt: { sign: { alg: 'RS256' } },
        }),
      },
    },
    extraTokenClaims: (ctx) => {
      const claims = headerOf(ctx.req, CLAIMS_HEADER);
      return claims ? (JSON.parse(claims) as Record<string, unknown>) : undefined;
    },
    cookies: { keys: ['floorview-test-cookie-key'] },
    ttl: {
      ClientCredentials: (_ctx, token) => token.resourceServer?.accessTokenTTL ?? 600,
      AccessToken: 600,
      AuthorizationCode: 60,
      IdToken: 600,
      Interaction: 600,
      Grant: 3600,
      Session: 3600,
    },
  });

  const rebuild = () => {
    const provider = new Provider(issuer, configuration());
    handler = provider.callback();
  };
  rebuild();

  return {
    issuer,
    get kid() {
      return keys[0]!.kid;
    },
    async token({ email, roles, ttlSeconds = 600, audience = AUDIENCE, claims = {} } = {}) {
      const res = await fetch(`${issuer}/token`, {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString('base64')}`,
          'content-type': 'application/x-www-form-urlencoded',
          [CLAIMS_HEADER]: JSON.stringify({ ...claims, ...(email === undefined ? {} : { email }), ...(roles === undefined ? {} : { [ROLES_CLAIM]: roles }) }),
          [TTL_HEADER]: String(ttlSeconds),
        },
        body: new URLSearchParams({ grant_type: 'client_credentials', resource: audience, scope: 'api' }),
      });
      const body = (await res.json()) as { access_token?: string };
      if (res.status !== 200 || !body.access_token) throw new Error(`token endpoint: ${res.status} ${JSON.stringify(body)}`);
      return body.access_token;
    },
    async forge(payload, { alg = 'RS256', kid = keys[0]!.kid } = {}) {
      if (alg === 'none') {
        const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
        return `${part({ alg: 'none', typ: 'JWT' })}.${part(payload)}.`;
      }
      return new SignJWT(payload).setProtectedHeader({ alg, kid, typ: 'at+jwt' }).sign(keys[0]!.privateKey);
    },
    async rotateKeys() {
      keys = [await newSigningKey(), ...keys];
      rebuild();
    },
    setRedirectUris(uris) {
      redirectUris = uris;
      rebuild();
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
