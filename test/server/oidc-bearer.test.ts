import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { decodeJwt, exportSPKI, importJWK, SignJWT, type JWK } from 'jose';
import { readConfig } from '../../server/wiring/env.js';
import { AUDIENCE, ROLES_CLAIM, startOidcProvider, type TestIssuer } from '../support/oidc-provider.js';
import { waitUntil } from '../support/wait-until.js';
import { eventFactory, startHarness, type Harness } from './harness.js';
import { openSse } from './sse-reader.js';

/**
 * Issue 12 point 1: the host portal's OpenID Connect tokens as `Authorization: Bearer`, from a real
 * provider (test/support/oidc-provider.ts) to a real server on a loopback port. The server's clock
 * is driven (`offset`) to expire tokens; the cases a provider never issues are signed with its real key.
 */

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const portalEnv = (issuer: string) => ({ FLOORVIEW_OIDC_ISSUER: issuer, FLOORVIEW_OIDC_AUDIENCE: AUDIENCE, FLOORVIEW_OIDC_ROLES_CLAIM: ROLES_CLAIM });
const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; message: string } }).error;
const seconds = (ms: number) => Math.floor(ms / 1000);
/** Shaped as a JWT, signed by nobody: what the server refuses before it could check a signature. */
const SOME_JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJlbWFpbCI6ImF2YUBleGFtcGxlLmNvbSJ9.c2ln';

describe('portal tokens (OpenID Connect) as bearer credentials', () => {
  let idp: TestIssuer;
  let h: Harness;
  let offset = 0;
  const now = () => Date.now() + offset;

  before(async () => {
    idp = await startOidcProvider();
    h = await startHarness({ env: portalEnv(idp.issuer), clock: now, portal: { jwksCooldownMs: 0 } });
    await h.listen();
    await h.events(...['a-1', 'a-3'].map((agentId) => eventFactory()('agent.signed_in', 0, { agentId })));
  });
  after(async () => {
    await h.close();
    await idp.close();
  });

  const me = (headers: Record<string, string>) => h.get('/api/v1/auth/me', headers);
  /** A token as the provider would issue it, for a case it never issues; signed with its current key. */
  const claims = (extra: Record<string, unknown> = {}) => ({
    iss: idp.issuer,
    aud: AUDIENCE,
    email: 'ava@example.com',
    iat: seconds(now()),
    exp: seconds(now()) + 600,
    ...extra,
  });
  const refusal = async (token: string) => {
    const res = await me(bearer(token));
    return { status: res.status, code: (await errorOf(res)).code };
  };

  it('takes a real token of the portal for the supervisor its email names, with the scope of their password session', async () => {
    const token = await idp.token({ email: 'Ava@Example.com' });
    const portal = await me(bearer(token));
    assert.equal(portal.status, 200);
    const viewer = await portal.json();
    const password = await (await me(await h.login('ava'))).json();
    assert.deepEqual({ ...viewer, expiresAt: null }, { ...password, expiresAt: null });
    assert.deepEqual(viewer.queues, ['q-sales']);
    assert.equal(viewer.expiresAt, new Date(decodeJwt(token).exp! * 1000).toISOString(), 'the principal lives as long as the token');
  });

  it('refuses an expired token with token_expired once the server’s clock passes exp and the 30 s tolerance', async () => {
    const token = await idp.token({ email: 'ava@example.com', ttlSeconds: 60 });
    try {
      offset = 80_000;
      assert.equal((await me(bearer(token))).status, 200, 'within the clock tolerance');
      offset = 91_000;
      assert.deepEqual(await refusal(token), { status: 401, code: 'token_expired' });
    } finally {
      offset = 0;
    }
  });

  it('refuses a token not valid yet (nbf) with token_not_yet_valid', async () => {
    assert.deepEqual(await refusal(await idp.forge(claims({ nbf: seconds(now()) + 300 }))), { status: 401, code: 'token_not_yet_valid' });
  });

  it('refuses a real token for another audience with token_wrong_audience', async () => {
    assert.deepEqual(await refusal(await idp.token({ email: 'ava@example.com', audience: 'https://other-app.test/api' })), {
      status: 401,
      code: 'token_wrong_audience',
    });
  });

  it('refuses a token of another issuer with token_wrong_issuer', async () => {
    assert.deepEqual(await refusal(await idp.forge(claims({ iss: 'https://login.elsewhere.test' }))), { status: 401, code: 'token_wrong_issuer' });
  });

  it('refuses alg none, and HS256 keyed with the issuer’s public key, with token_algorithm_refused', async () => {
    assert.deepEqual(await refusal(await idp.forge(claims(), { alg: 'none' })), { status: 401, code: 'token_algorithm_refused' });
    const { keys } = (await (await fetch(`${idp.issuer}/jwks`)).json()) as { keys: JWK[] };
    const publicKey = await importJWK({ ...keys[0]!, alg: 'RS256' }, 'RS256', { extractable: true });
    const pem = await exportSPKI(publicKey as CryptoKey);
    const hmac = await new SignJWT(claims()).setProtectedHeader({ alg: 'HS256', kid: keys[0]!.kid }).sign(new TextEncoder().encode(pem));
    assert.deepEqual(await refusal(hmac), { status: 401, code: 'token_algorithm_refused' });
  });

  it('refuses a real token whose payload was changed with token_bad_signature', async () => {
    const [header, payload, signature] = (await idp.token({ email: 'ava@example.com' })).split('.');
    const changed = { ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), email: 'sam@example.com', [ROLES_CLAIM]: ['floorview-admin'] };
    const tampered = `${header}.${Buffer.from(JSON.stringify(changed)).toString('base64url')}.${signature}`;
    assert.deepEqual(await refusal(tampered), { status: 401, code: 'token_bad_signature' });
  });

  it('refuses an unknown kid, then takes the rotated key’s tokens without a restart', async () => {
    assert.deepEqual(await refusal(await idp.forge(claims(), { kid: 'key-not-published' })), { status: 401, code: 'token_unknown_key' });
    const before = idp.kid;
    await idp.rotateKeys();
    const token = await idp.token({ email: 'ava@example.com' });
    assert.notEqual(before, idp.kid);
    assert.equal(JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString()).kid, idp.kid, 'signed with the new key');
    assert.equal((await me(bearer(token))).status, 200);
  });

  it('answers 403 not_in_directory, naming the claim value, for a valid token of someone the directory does not list', async () => {
    const res = await me(bearer(await idp.token({ email: 'carol@example.com' })));
    assert.equal(res.status, 403);
    const error = await errorOf(res);
    assert.equal(error.code, 'not_in_directory');
    assert.match(error.message, /carol@example\.com/);
    const probe = await h.get('/api/v1/auth/session', bearer(await idp.token({ email: 'carol@example.com' })));
    assert.equal(probe.status, 403, 'the session probe says so too, rather than "signed out"');
  });

  it('refuses a token without the claim that names the person with token_claim_missing', async () => {
    assert.deepEqual(await refusal(await idp.token({})), { status: 401, code: 'token_claim_missing' });
  });

  it('makes an admin of whoever holds the admin role in the roles claim, and only them', async () => {
    const admin = async (email: string, roles: string[]) => ((await (await me(bearer(await idp.token({ email, roles })))).json()) as { isAdmin: boolean }).isAdmin;
    assert.equal(await admin('ava@example.com', ['floorview-admin', 'sales']), true);
    assert.equal(await admin('sam@example.com', ['sales']), false, 'the directory’s admin flag does not count once the roles claim decides');
    const directory = async (roles: string[]) => (await h.get('/api/v1/admin/queues', bearer(await idp.token({ email: 'ava@example.com', roles })))).status;
    assert.equal(await directory(['floorview-admin']), 200, 'the role opens directory administration');
    assert.equal(await directory([]), 403);
  });

  it('gives the stream and the statistics exactly the supervisor’s directory scope', async () => {
    const token = await idp.token({ email: 'ben@example.com' });
    const ben = await h.login('ben');
    const snapshotOf = async (headers: Record<string, string>) => {
      const stream = await openSse(`${h.url}/api/v1/stream`, headers);
      assert.equal(stream.status, 200);
      const frame = JSON.parse((await stream.next((m) => m.event === 'snapshot')).data) as { agents: { agentId: string }[]; queues: { queueId: string }[] };
      stream.close();
      return { agents: frame.agents.map((a) => a.agentId).sort(), queues: frame.queues.map((q) => q.queueId).sort() };
    };
    const portal = await snapshotOf(bearer(token));
    assert.deepEqual(portal, { agents: ['a-3', 'a-4'], queues: ['q-support'] });
    assert.deepEqual(portal, await snapshotOf(ben));

    const day = new Date(now()).toISOString().slice(0, 10);
    const stats = async (headers: Record<string, string>) => (await h.get(`/api/v1/stats/agents?from=${day}&to=${day}&tz=UTC`, headers)).json();
    const viaPortal = await stats(bearer(token));
    assert.deepEqual(viaPortal, await stats(ben));
    const outside = await h.get(`/api/v1/stats/agents?from=${day}&to=${day}&tz=UTC&queue=q-sales`, bearer(token));
    assert.equal(outside.status, 403, 'a queue outside the scope stays outside');
  });

  it('opens the stream by a ticket from a portal token, and ends it when the token expires', async () => {
    const token = await idp.token({ email: 'ava@example.com', ttlSeconds: 60 });
    const exp = decodeJwt(token).exp! * 1000;
    const issued = await h.post('/api/v1/auth/stream-ticket', {}, bearer(token));
    assert.equal(issued.status, 200);
    const { ticket, expiresAt } = (await issued.json()) as { ticket: string; expiresAt: string };
    assert.equal(Date.parse(expiresAt), exp, 'the ticket does not outlive the token');
    const byTicket = await openSse(`${h.url}/api/v1/stream?ticket=${ticket}`);
    const byHeader = await openSse(`${h.url}/api/v1/stream`, bearer(token));
    for (const s of [byTicket, byHeader]) await s.next((m) => m.event === 'snapshot');
    let ended = 0;
    for (const s of [byTicket, byHeader]) void s.ended.then(() => ended++);
    try {
      offset = 30_000;
      const delta = byTicket.messages.length;
      await h.events(eventFactory()('agent.signed_in', 0, { agentId: 'a-2' }));
      await byTicket.next((m) => m.event === 'delta', undefined, delta);
      assert.equal(ended, 0, 'both streams are open while the token is valid');
      offset = exp - Date.now() + 1_000;
      await waitUntil(() => ended === 2, () => `streams ended at the token's exp: ${ended} of 2`);
      assert.equal((await fetch(`${h.url}/api/v1/stream?ticket=${ticket}`)).status, 401, 'the ticket is spent with the token');
    } finally {
      offset = 0;
    }
  });

  it('signs an agent in to their own desk by the email the directory gives them, and nowhere else', async () => {
    const desk = bearer(await idp.token({ email: 'li.na@example.com' }));
    const viewer = (await (await me(desk)).json()) as { kind: string; id: string };
    assert.deepEqual([viewer.kind, viewer.id], ['agent', 'a-1']);
    assert.equal((await h.get('/api/v1/agents/a-1/messages', desk)).status, 200, 'their own chat');
    assert.equal((await h.get('/api/v1/agents/a-2/wrapup-reasons', desk)).status, 403, 'another agent’s desk');
    assert.equal((await h.get('/api/v1/agents', desk)).status, 403, 'the supervisors’ agent list');
  });

  it('keeps session tokens, display tokens and integration keys working beside portal tokens', async () => {
    assert.equal((await me(await h.login('sam'))).status, 200);
    assert.equal((await me({ authorization: 'Bearer test-display-secret-0001' })).status, 200);
    assert.equal((await h.events(eventFactory()('agent.signed_in', 0, { agentId: 'a-4' }))).accepted, 1);
    const health = (await (await h.get('/api/v1/health')).json()) as { portalSignIn: unknown };
    assert.deepEqual(health.portalSignIn, { issuer: idp.issuer, state: 'ready' });
  });
});

describe('portal sign-in settings', () => {
  it('switches password sign-in off for supervisors and agents, saying why, while portal tokens work', async () => {
    const idp = await startOidcProvider();
    const h = await startHarness({ env: { ...portalEnv(idp.issuer), FLOORVIEW_PASSWORD_LOGIN: 'off' } });
    try {
      for (const [path, body] of [
        ['/api/v1/auth/login', { email: 'ava@example.com', password: 'ava-password' }],
        ['/api/v1/auth/agent-login', { agentId: 'a-1', password: 'whatever' }],
      ] as const) {
        const res = await h.post(path, body);
        assert.equal(res.status, 403, path);
        const error = await errorOf(res);
        assert.equal(error.code, 'password_login_off');
        assert.match(error.message, /FLOORVIEW_PASSWORD_LOGIN=off/);
      }
      assert.equal(((await (await h.get('/api/v1/auth/methods')).json()) as { password: boolean }).password, false, 'a sign-in form learns it');
      assert.equal((await h.get('/api/v1/auth/me', bearer(await idp.token({ email: 'ava@example.com' })))).status, 200);
    } finally {
      await h.close();
      await idp.close();
    }
  });

  it('starts while the issuer is down, says so in /health, keeps password sign-in, and takes tokens once it is up', async () => {
    const port = await freePort();
    const issuer = `http://127.0.0.1:${port}`;
    const lines: string[] = [];
    const h = await startHarness({ env: portalEnv(issuer), portal: { retryMs: 50 }, log: (line) => lines.push(line) });
    let idp: TestIssuer | null = null;
    try {
      const health = async () => ((await (await h.get('/api/v1/health')).json()) as { portalSignIn: { state: string; problem?: string } }).portalSignIn;
      const down = await health();
      assert.equal(down.state, 'unavailable');
      assert.match(down.problem!, /openid-configuration unreachable/);
      assert.ok(lines.some((l) => l.includes('unavailable')), lines.join('\n'));
      assert.equal((await h.get('/api/v1/auth/me', await h.login('ava'))).status, 200, 'password sign-in works meanwhile');

      const someJwt = bearer(SOME_JWT);
      assert.equal((await errorOf(await h.get('/api/v1/auth/me', someJwt))).code, 'issuer_unavailable');

      idp = await startOidcProvider({ port });
      await waitUntil(async () => (await health()).state === 'ready', 'discovery retried');
      assert.equal((await h.get('/api/v1/auth/me', bearer(await idp.token({ email: 'ava@example.com' })))).status, 200);
    } finally {
      await h.close();
      await idp?.close();
    }
  });

  it('keeps verifying by the keys it holds while the issuer is down, and says issuer_unavailable for a key it would have to fetch', async () => {
    const idp = await startOidcProvider();
    const h = await startHarness({ env: portalEnv(idp.issuer), portal: { jwksCooldownMs: 0 } });
    try {
      const token = await idp.token({ email: 'ava@example.com' });
      assert.equal((await h.get('/api/v1/auth/me', bearer(token))).status, 200);
      const unknownKey = await idp.forge({ iss: idp.issuer, aud: AUDIENCE, email: 'ava@example.com', exp: seconds(Date.now()) + 600 }, { kid: 'key-after-the-outage' });
      await idp.close();
      assert.equal((await h.get('/api/v1/auth/me', bearer(token))).status, 200, 'the cached JWKS still verifies');
      const res = await h.get('/api/v1/auth/me', bearer(unknownKey));
      assert.equal(res.status, 401);
      assert.equal((await errorOf(res)).code, 'issuer_unavailable');
    } finally {
      await h.close();
      await idp.close(); // again, if the test stopped before the outage
    }
  });

  it('refuses a JWT with a clear 401 where no issuer is configured', async () => {
    const h = await startHarness();
    try {
      const res = await h.get('/api/v1/auth/me', bearer(SOME_JWT));
      assert.equal(res.status, 401);
      assert.match((await errorOf(res)).message, /FLOORVIEW_OIDC_ISSUER/);
    } finally {
      await h.close();
    }
  });

  it('names every bad combination of settings at start', () => {
    const problems = (env: Record<string, string>) => {
      try {
        readConfig(env);
        return '';
      } catch (err) {
        return (err as Error).message;
      }
    };
    assert.match(problems({ FLOORVIEW_OIDC_ISSUER: 'https://login.example.com' }), /FLOORVIEW_OIDC_AUDIENCE: required/);
    assert.match(problems({ FLOORVIEW_OIDC_ISSUER: 'http://login.example.com', FLOORVIEW_OIDC_AUDIENCE: 'x' }), /FLOORVIEW_OIDC_ISSUER: must be https/);
    assert.equal(problems({ FLOORVIEW_OIDC_ISSUER: 'http://127.0.0.1:9000', FLOORVIEW_OIDC_AUDIENCE: 'x' }), '', 'plain http on a loopback address');
    const without = problems({ FLOORVIEW_PASSWORD_LOGIN: 'off', FLOORVIEW_OIDC_AUDIENCE: 'x', FLOORVIEW_OIDC_ROLES_CLAIM: 'roles' });
    assert.match(without, /FLOORVIEW_PASSWORD_LOGIN: off needs FLOORVIEW_OIDC_ISSUER/);
    assert.match(without, /FLOORVIEW_OIDC_AUDIENCE: needs FLOORVIEW_OIDC_ISSUER/);
    assert.match(without, /FLOORVIEW_OIDC_ROLES_CLAIM: needs FLOORVIEW_OIDC_ISSUER/);
    assert.match(
      problems({ FLOORVIEW_OIDC_ISSUER: 'https://login.example.com', FLOORVIEW_OIDC_AUDIENCE: 'x', FLOORVIEW_OIDC_ADMIN_ROLE: 'boss' }),
      /FLOORVIEW_OIDC_ADMIN_ROLE: needs FLOORVIEW_OIDC_ROLES_CLAIM/,
    );
    assert.match(problems({ FLOORVIEW_PASSWORD_LOGIN: 'maybe' }), /FLOORVIEW_PASSWORD_LOGIN/);
  });
});

/** A loopback port nothing listens on now: the issuer that is down at the server's start. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
