import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CLIENT_ID, CLIENT_SECRET, startOidcProvider, type TestIssuer } from '../support/oidc-provider.js';
import { signInAtProvider } from '../support/provider-sign-in.js';
import { readConfig } from '../../server/wiring/env.js';
import { startHarness, type Harness } from './harness.js';

const CALLBACK = 'http://localhost/api/v1/auth/oidc/callback';

/** "Sign in with <provider>": `GET /auth/oidc/start` → the real provider's pages → `GET /auth/oidc/callback` → a session cookie. */
describe('sign-in with the OpenID provider (authorization code + PKCE)', () => {
  let idp: TestIssuer;
  let h: Harness;

  before(async () => {
    idp = await startOidcProvider({ redirectUris: [CALLBACK] });
    h = await startHarness({
      env: {
        FLOORVIEW_OIDC_ISSUER: idp.issuer,
        FLOORVIEW_OIDC_CLIENT_ID: CLIENT_ID,
        FLOORVIEW_OIDC_CLIENT_SECRET: CLIENT_SECRET,
        FLOORVIEW_OIDC_PROVIDER_NAME: 'Contoso',
      },
    });
  });
  after(async () => {
    await h.close();
    await idp.close();
  });

  /** Starts a sign-in: the provider's address and the cookie binding the flow to this "browser". */
  const start = async (query = 'returnTo=/index.html%3Ftab%3Dhistory') => {
    const res = await h.get(`/api/v1/auth/oidc/start?${query}`);
    assert.equal(res.status, 302, await res.clone().text());
    const flowCookie = res.headers.get('set-cookie')!;
    return { location: new URL(res.headers.get('location')!), flowCookie, cookie: flowCookie.split(';')[0]! };
  };
  const callback = (url: URL, cookie?: string) => h.get(`${url.pathname}${url.search}`, cookie ? { cookie } : {});
  const sessionCookie = (res: Response) => res.headers.getSetCookie().find((c) => c.startsWith('fv_session='));
  const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; message: string; fields?: Record<string, string> } }).error;
  const me = async (cookie: string) => (await (await h.get('/api/v1/auth/me', { cookie })).json()) as { kind: string; id: string; queues: string[] };

  it('tells a sign-in form both methods, with the provider’s name for its button', async () => {
    const res = await h.get('/api/v1/auth/methods');
    assert.deepEqual(await res.json(), { password: true, oidc: { providerName: 'Contoso' } });
  });

  it('sends the browser to the provider with PKCE S256, state and nonce, the flow bound by a short-lived HttpOnly cookie', async () => {
    const { location, flowCookie } = await start();
    assert.equal(location.origin + location.pathname, `${idp.issuer}/auth`);
    const q = location.searchParams;
    assert.equal(q.get('client_id'), CLIENT_ID);
    assert.equal(q.get('response_type'), 'code');
    assert.equal(q.get('redirect_uri'), CALLBACK);
    assert.equal(q.get('code_challenge_method'), 'S256');
    assert.match(q.get('code_challenge')!, /^[\w-]{43}$/);
    assert.ok(q.get('state')!.length >= 20 && q.get('nonce')!.length >= 20);
    assert.match(q.get('scope')!, /\bopenid\b/);
    assert.match(flowCookie, /^fv_oidc_flow=[\w-]{43}; Max-Age=600; Path=\/api\/v1\/auth\/oidc; HttpOnly; SameSite=Lax$/);
  });

  it('signs a supervisor in: the session cookie, then back to the page the sign-in started from, with their scope', async () => {
    const { location, cookie } = await start();
    const back = await callback(await signInAtProvider(location.href, 'AVA@example.com', CALLBACK), cookie);
    assert.equal(back.status, 302);
    assert.equal(back.headers.get('location'), 'http://localhost/index.html?tab=history');
    const session = sessionCookie(back)!;
    assert.match(session, /HttpOnly; SameSite=Lax/);
    const viewer = await me(session.split(';')[0]!);
    assert.deepEqual([viewer.kind, viewer.id, viewer.queues], ['supervisor', 's-ava', ['q-sales']]);
    assert.ok(back.headers.getSetCookie().some((c) => /^fv_oidc_flow=;.*Max-Age=0/.test(c)), 'the flow cookie is cleared');
  });

  it('signs an agent in for the agent desk', async () => {
    const { location, cookie } = await start('role=agent&returnTo=/agent.html');
    const back = await callback(await signInAtProvider(location.href, 'li.na@example.com', CALLBACK), cookie);
    assert.equal(back.headers.get('location'), 'http://localhost/agent.html');
    const viewer = await me(sessionCookie(back)!.split(';')[0]!);
    assert.deepEqual([viewer.kind, viewer.id], ['agent', 'a-1']);
  });

  it('refuses a replayed callback: the flow is used once', async () => {
    const { location, cookie } = await start();
    const answer = await signInAtProvider(location.href, 'ben@example.com', CALLBACK);
    assert.equal((await callback(answer, cookie)).status, 302);
    const replay = await callback(answer, cookie);
    assert.equal(replay.status, 400);
    assert.equal((await errorOf(replay)).code, 'sign_in_expired');
    assert.equal(sessionCookie(replay), undefined);
  });

  it('refuses an answer whose state is not the flow’s, and the flow cannot be finished after that', async () => {
    const { location, cookie } = await start();
    const answer = await signInAtProvider(location.href, 'ava@example.com', CALLBACK);
    const forged = new URL(answer);
    forged.searchParams.set('state', 'someone-elses-state');
    const res = await callback(forged, cookie);
    assert.equal(res.status, 400);
    assert.equal((await errorOf(res)).code, 'state_mismatch');
    assert.equal(sessionCookie(res), undefined);
    assert.equal((await errorOf(await callback(answer, cookie))).code, 'sign_in_expired');
  });

  it('refuses a callback from a browser that did not start the sign-in (no flow cookie, or another one)', async () => {
    const { location } = await start();
    const answer = await signInAtProvider(location.href, 'ava@example.com', CALLBACK);
    for (const cookie of [undefined, 'fv_oidc_flow=not-a-flow']) {
      const res = await callback(answer, cookie);
      assert.equal(res.status, 400);
      assert.equal((await errorOf(res)).code, 'sign_in_expired');
      assert.equal(sessionCookie(res), undefined);
    }
  });

  it('refuses someone the directory does not list, naming the claim value', async () => {
    const { location, cookie } = await start();
    const res = await callback(await signInAtProvider(location.href, 'mallory@example.com', CALLBACK), cookie);
    assert.equal(res.status, 403);
    const error = await errorOf(res);
    assert.equal(error.code, 'not_in_directory');
    assert.match(error.message, /mallory@example\.com/);
    assert.equal(sessionCookie(res), undefined);
  });

  it('refuses an agent signing in as a supervisor, and a supervisor at the agent desk', async () => {
    for (const [query, login] of [['returnTo=/', 'li.na@example.com'], ['role=agent&returnTo=/', 'ava@example.com']] as const) {
      const { location, cookie } = await start(query);
      const res = await callback(await signInAtProvider(location.href, login, CALLBACK), cookie);
      assert.equal((await errorOf(res)).code, 'not_in_directory');
    }
  });

  it('passes on the provider’s refusal without a session', async () => {
    const { location, cookie } = await start();
    const denied = new URL(CALLBACK);
    denied.search = new URLSearchParams({ error: 'access_denied', error_description: 'The user cancelled', state: location.searchParams.get('state')! }).toString();
    const res = await callback(denied, cookie);
    assert.equal(res.status, 401);
    const error = await errorOf(res);
    assert.deepEqual([error.code, /cancelled/.test(error.message)], ['provider_refused', true]);
    assert.equal(sessionCookie(res), undefined);
  });

  it('refuses a returnTo on another origin (no open redirect), naming the field, before any flow starts', async () => {
    for (const returnTo of ['https://evil.example/', '//evil.example/x', '/\\evil.example', 'javascript:alert(1)', 'http://localhost:8081/']) {
      const res = await h.get(`/api/v1/auth/oidc/start?returnTo=${encodeURIComponent(returnTo)}`);
      assert.equal(res.status, 400, returnTo);
      assert.deepEqual(Object.keys((await errorOf(res)).fields!), ['returnTo'], returnTo);
      assert.equal(res.headers.get('set-cookie'), null, returnTo);
    }
  });

  it('names a bad role and keeps a same-origin absolute returnTo as it is', async () => {
    const res = await h.get('/api/v1/auth/oidc/start?role=admin');
    assert.deepEqual(Object.keys((await errorOf(res)).fields!), ['role']);
    const { location, cookie } = await start(`returnTo=${encodeURIComponent('http://localhost//evil.example/#top')}`);
    const back = await callback(await signInAtProvider(location.href, 'ava@example.com', CALLBACK), cookie);
    assert.equal(back.headers.get('location'), 'http://localhost//evil.example/#top', 'absolute: a browser stays on this server');
  });
});

describe('sign-in with a provider, when none is configured', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.close());

  it('offers passwords only, and the provider routes say it is not configured', async () => {
    assert.deepEqual(await (await h.get('/api/v1/auth/methods')).json(), { password: true, oidc: null });
    for (const path of ['/api/v1/auth/oidc/start', '/api/v1/auth/oidc/callback?code=x&state=y']) {
      const res = await h.get(path);
      assert.equal(res.status, 404);
      assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'oidc_not_configured');
    }
  });
});

describe('the sign-in’s configuration', () => {
  it('stops the start with a message naming the variable for a client without an issuer, or a secret without a client', () => {
    assert.throws(() => readConfig({ FLOORVIEW_OIDC_CLIENT_ID: 'floorview' }), /FLOORVIEW_OIDC_ISSUER: required when FLOORVIEW_OIDC_CLIENT_ID is set/);
    assert.throws(() => readConfig({ FLOORVIEW_OIDC_ISSUER: 'https://login.example', FLOORVIEW_OIDC_CLIENT_SECRET: 's' }), /FLOORVIEW_OIDC_CLIENT_SECRET: .*set FLOORVIEW_OIDC_CLIENT_ID too/);
    assert.throws(() => readConfig({ FLOORVIEW_OIDC_ISSUER: 'login.example' }), /FLOORVIEW_OIDC_ISSUER/);
  });
});
