import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { newToken, sha256 } from '../../server/lib/secrets.js';
import { scopeOf } from '../../server/auth/principal.js';
import { AUDIENCE, CLIENT_ID, CLIENT_SECRET, startOidcProvider, type TestIssuer } from '../support/oidc-provider.js';
import { DISPLAY, INTEGRATION, centre, eventFactory, startHarness, type Harness } from './harness.js';
import { readyReport } from './report-helpers.js';

/**
 * Every route of GET /api/v1/openapi.json × every kind of credential × an id
 * inside and outside the caller's scope, against a table of rules by route
 * family (tag, method) — so a new route is covered without anyone listing it,
 * and a route no rule claims fails the test.
 *
 * Outcomes: `ok` (authorization passed: anything but 401/403), `401`, `403`,
 * `hidden` (403 or 404: someone else's agent, queue or report), `unknown` (404 exactly: authorization
 * passed and the id named is not there).
 */
type Outcome = 'ok' | '401' | '403' | 'hidden' | 'unknown';
/** `portal…`: the host portal's OpenID Connect tokens, for Ben, for the agent li.na, for someone the directory does not list, and expired. */
type Cred =
  | 'none' | 'forged' | 'expired' | 'ticket' | 'integration' | 'sam' | 'ben' | 'benCookie' | 'display' | 'displayCookie' | 'agent'
  | 'portalBen' | 'portalAgent' | 'portalStranger' | 'portalExpired';
const CREDS: Cred[] = [
  'none', 'forged', 'expired', 'ticket', 'integration', 'sam', 'ben', 'benCookie', 'display', 'displayCookie', 'agent',
  'portalBen', 'portalAgent', 'portalStranger', 'portalExpired',
];
interface Route {
  method: string;
  path: string;
  tags: string[];
  security: Record<string, unknown>[] | null;
}
type Variant = 'own' | 'other';

const SUPERVISORS: Cred[] = ['sam', 'ben', 'benCookie', 'portalBen'];
const DISPLAYS: Cred[] = ['display', 'displayCookie'];
const AGENTS: Cred[] = ['agent', 'portalAgent'];
const NOBODY: Cred[] = ['none', 'forged', 'expired', 'ticket', 'integration', 'portalExpired'];
/**
 * A valid portal token for someone the directory does not list: 403 not_in_directory wherever
 * credentials are read (the session probe too), what takes an integration key aside.
 */
const stranger = (rule: Rule, r: Route, v: Variant): Outcome =>
  r.path === '/auth/session' || (rule.expect(r, 'none', v) === '401' && rule.expect(r, 'ben', v) !== '401') ? '403' : rule.expect(r, 'none', v);

/** Whether the route names a particular agent, queue or report in its path. */
const names = (r: Route) => r.path.includes('{');
const isReport = (r: Route) => r.path.startsWith('/reports');
const isAlert = (r: Route) => r.path.startsWith('/alerts');
/** Directory administration: its ids are never a caller's own, and an id it does not know keeps the matrix from changing the directory. */
const isAdmin = (r: Route) => r.path.startsWith('/admin');
/**
 * A viewer's outcome on a route it may use: refused for something outside its scope. `other` ids are
 * outside for everyone but Sam (and his ticket), who sees every agent and queue: only someone else's
 * report is outside for him.
 */
const scoped = (r: Route, c: Cred, v: Variant): Outcome =>
  names(r) && v === 'other' && (isReport(r) || (c !== 'sam' && c !== 'ticket')) ? 'hidden' : 'ok';

interface Rule {
  why: string;
  match: (r: Route) => boolean;
  expect: (r: Route, c: Cred, v: Variant) => Outcome;
}

const RULES: Rule[] = [
  {
    why: 'public (`security: []`): health, the sign-ins (with the OpenID provider too: its start redirects, its callback refuses a browser that started nothing)',
    match: (r) => r.security !== null && r.security.length === 0,
    expect: () => 'ok',
  },
  {
    why: 'integration key only: ingestion and desk tokens',
    match: (r) => r.security !== null && r.security.length === 1 && 'bearer' in r.security[0]! && r.tags.some((t) => t === 'Ingestion' || t === 'Agent desk'),
    expect: (_r, c) => (c === 'integration' ? 'ok' : '401'),
  },
  {
    why: 'the stream: every viewer, and a ticket in the URL',
    match: (r) => r.path === '/stream',
    expect: (_r, c) => (NOBODY.includes(c) && c !== 'ticket' ? '401' : 'ok'),
  },
  {
    why: 'the wallboard’s renewal: display sessions only',
    match: (r) => r.path === '/auth/display-session/renew',
    expect: (_r, c) => (NOBODY.includes(c) ? '401' : DISPLAYS.includes(c) ? 'ok' : '403'),
  },
  {
    why: 'the session probe: answers everyone, signedIn false without a valid session',
    match: (r) => r.path === '/auth/session',
    expect: () => 'ok',
  },
  {
    why: 'who am I, stream tickets, sign-out: every viewer (the display cookie on reads only)',
    match: (r) => r.tags.includes('Auth') && r.security !== null,
    expect: (r, c) => (NOBODY.includes(c) ? '401' : c === 'displayCookie' && r.method !== 'GET' ? '403' : 'ok'),
  },
  {
    why: 'live reads and history: supervisors and displays in scope; agent desks and the rest not',
    match: (r) => r.method === 'GET' && r.tags.some((t) => t === 'Live' || t === 'History'),
    expect: (r, c, v) => (NOBODY.includes(c) ? '401' : AGENTS.includes(c) ? '403' : scoped(r, c, v)),
  },
  {
    why: 'commands and the audit log: supervisors in scope',
    match: (r) => r.tags.some((t) => t === 'Supervisor commands' || t === 'Audit'),
    expect: (r, c, v) => (NOBODY.includes(c) ? '401' : SUPERVISORS.includes(c) ? scoped(r, c, v) : '403'),
  },
  {
    why: 'alerts: supervisors and wallboards read those of their scope; supervisors acknowledge them',
    match: (r) => r.tags.includes('Alerts'),
    expect: (r, c, v) => (NOBODY.includes(c) ? '401' : AGENTS.includes(c) || (DISPLAYS.includes(c) && r.method !== 'GET') ? '403' : scoped(r, c, v)),
  },
  {
    why: 'a raised hand: the agent’s own desk only',
    match: (r) => r.tags.includes('Raise hand'),
    expect: (_r, c, v) => (NOBODY.includes(c) ? '401' : AGENTS.includes(c) && v === 'own' ? 'ok' : '403'),
  },
  {
    why: 'the wrap-up reason: the agent’s own desk only',
    match: (r) => r.tags.includes('Wrap-up'),
    expect: (_r, c, v) => (NOBODY.includes(c) ? '401' : AGENTS.includes(c) && v === 'own' ? 'ok' : '403'),
  },
  {
    why: 'the staffing calculator: supervisors (nothing in it is scoped)',
    match: (r) => r.tags.includes('Staffing'),
    expect: (_r, c) => (NOBODY.includes(c) ? '401' : SUPERVISORS.includes(c) ? 'ok' : '403'),
  },
  {
    why: 'chat: supervisors in scope and an agent desk with its own agent; displays never',
    match: (r) => r.tags.includes('Chat'),
    expect: (r, c, v) => (NOBODY.includes(c) ? '401' : DISPLAYS.includes(c) ? '403' : scoped(r, c, v)),
  },
  {
    why: 'directory administration: admins only (Sam); other supervisors, displays, agent desks and keys refused',
    match: (r) => r.tags.includes('Directory administration'),
    expect: (r, c) => (NOBODY.includes(c) ? '401' : c !== 'sam' ? '403' : names(r) ? 'unknown' : 'ok'),
  },
  {
    why: 'reports: their owner only; a ticket opens the download',
    match: (r) => r.tags.includes('Reports'),
    expect: (r, c, v) => {
      if (c === 'ticket') return r.path.endsWith('/csv') ? scoped(r, c, v) : '401';
      return NOBODY.includes(c) ? '401' : SUPERVISORS.includes(c) ? scoped(r, c, v) : '403';
    },
  },
];

/** Valid bodies, so validation (which runs after authorization) does not mask a scope refusal. */
const BODIES: Record<string, unknown> = {
  'POST /agents/{id}/state': { state: 'available' },
  'POST /agents/{id}/monitor': { mode: 'monitor' },
  'POST /agents/{id}/messages': { body: 'hello' },
  'POST /agents/{id}/messages/read': {},
  'POST /reports': { from: '2026-03-02', to: '2026-03-02' },
  'POST /agents/{id}/wrapup': { reasonId: 'w-resolved' },
};

describe('authorization matrix from the OpenAPI document', () => {
  let h: Harness;
  let idp: TestIssuer;
  let routes: Route[];
  const headers = {} as Record<Cred, Record<string, string>>;
  let ticket = '';
  /** Ids each caller owns (`own`) or may not see (`other`): agents, queues, reports. */
  const ids = {} as Record<Cred, Record<Variant, { id: string; queueId: string; reportId: string; alertId: string }>>;

  before(async () => {
    // Every queue alerted at one contact waiting, at once: an alert in each queue to name.
    // A real OpenID provider, so the sign-in with it is configured and its tokens are taken, as deployed.
    idp = await startOidcProvider();
    h = await startHarness({
      centre: { ...centre, alerts: { queue: { waitingAtLeast: 1 }, raiseAfterSeconds: 0 } },
      env: { FLOORVIEW_OIDC_ISSUER: idp.issuer, FLOORVIEW_OIDC_AUDIENCE: AUDIENCE, FLOORVIEW_OIDC_CLIENT_ID: CLIENT_ID, FLOORVIEW_OIDC_CLIENT_SECRET: CLIENT_SECRET },
    });
    await h.listen();
    await h.events(...['a-1', 'a-3'].map((agentId) => eventFactory()('agent.signed_in', 0, { agentId })));
    const origin = { origin: h.url };
    const sam = await h.login('sam');
    const ben = await h.login('ben');
    const benLogin = await fetch(`${h.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...origin },
      body: JSON.stringify({ email: 'ben@example.com', password: 'ben-password' }),
    });
    const displayLogin = await h.post('/api/v1/auth/display-session', { token: 'test-display-secret-0001' });
    const desk = (await (await h.post('/api/v1/agents/a-3/desk-token', {}, INTEGRATION)).json()) as { token: string };
    ticket = ((await (await h.post('/api/v1/auth/stream-ticket', {}, sam)).json()) as { ticket: string }).ticket;
    const expired = newToken();
    const { store } = h.services;
    await store.transaction((tx) => tx.db.insert(store.tables.sessions).values({ id: sha256(expired), kind: 'supervisor', principalId: 's-sam', createdAt: 0, expiresAt: 1 }));
    Object.assign(headers, {
      none: {},
      forged: { authorization: `Bearer ${newToken()}` },
      expired: { authorization: `Bearer ${expired}` },
      ticket: { authorization: `Bearer ${ticket}` },
      integration: INTEGRATION,
      sam,
      ben,
      benCookie: { cookie: /fv_session=[^;]+/.exec(benLogin.headers.get('set-cookie')!)![0], ...origin },
      display: DISPLAY,
      displayCookie: { cookie: /fv_display=[^;]+/.exec(displayLogin.headers.get('set-cookie')!)![0], ...origin },
      agent: { authorization: `Bearer ${desk.token}` },
      portalBen: { authorization: `Bearer ${await idp.token({ email: 'ben@example.com' })}` },
      portalAgent: { authorization: `Bearer ${await idp.token({ email: 'li.na@example.com' })}` },
      portalStranger: { authorization: `Bearer ${await idp.token({ email: 'carol@example.com' })}` },
      portalExpired: { authorization: `Bearer ${await idp.forge({ iss: idp.issuer, aud: AUDIENCE, email: 'ben@example.com', iat: 1, exp: 2 })}` },
    });
    const samReport = (await readyReport(h, sam, { from: '2026-03-02', to: '2026-03-02', tz: 'UTC' })).id;
    const benReport = (await readyReport(h, ben, { from: '2026-03-02', to: '2026-03-02', tz: 'UTC' })).id;
    // Deleting is once per report: Ben's cookie deletes a report of its own.
    const benCookieReport = (await readyReport(h, ben, { from: '2026-03-02', to: '2026-03-02', tz: 'UTC' })).id;
    const portalBenReport = (await readyReport(h, headers.portalBen, { from: '2026-03-02', to: '2026-03-02', tz: 'UTC' })).id;
    // Ben, the display (Support) and the agent desk (a-3) see a-3 and q-support, not a-1 and q-sales.
    await h.events(...['q-sales', 'q-support'].map((queueId) => eventFactory()('call.queued', 0, { callId: `c-${queueId}`, queueId })));
    await h.services.alerts.evaluate();
    const alertOf = async (queueId: string) => String((await h.services.alerts.list(scopeOf([queueId]), 'open')).find((a) => a.queueId === queueId)!.id);
    const inSupport = { id: 'a-3', queueId: 'q-support', reportId: benReport, alertId: await alertOf('q-support') };
    const inSales = { id: 'a-1', queueId: 'q-sales', reportId: samReport, alertId: await alertOf('q-sales') };
    for (const c of CREDS) ids[c] = { own: c === 'sam' || c === 'ticket' ? inSales : inSupport, other: c === 'sam' || c === 'ticket' ? inSupport : inSales };
    // Sam sees every agent and queue; only a report of someone else is outside.
    ids.sam.other = { ...inSales, reportId: benReport };
    ids.ticket.other = { ...inSales, reportId: benReport };
    ids.benCookie.own = { ...inSupport, reportId: benCookieReport };
    ids.portalBen.own = { ...inSupport, reportId: portalBenReport };
    // li.na is a-1, in Sales.
    ids.portalAgent = { own: inSales, other: inSupport };

    const doc = (await (await h.get('/api/v1/openapi.json')).json()) as { paths: Record<string, Record<string, { tags?: string[]; security?: Route['security'] }>> };
    routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ method: method.toUpperCase(), path, tags: op.tags ?? [], security: op.security ?? null })),
    );
    // Deletions after the reads of what they delete; sessions end last: the wallboard's renewal and
    // sign-out retire the credential they are called with.
    const last = (r: Route) =>
      r.path === '/auth/logout' ? 3 : r.path === '/auth/display-session/renew' ? 2 : r.method === 'DELETE' && isReport(r) ? 1 : 0;
    routes.sort((a, b) => last(a) - last(b));
  });
  after(async () => {
    await h.close();
    await idp.close();
  });

  const outcome = (status: number): Outcome =>
    status === 401 ? '401' : status === 403 ? '403' : status === 404 ? 'hidden' : 'ok';

  it('has a rule for every route', () => {
    assert.ok(routes.length >= 30, `routes read from the document: ${routes.length}`);
    const orphans = routes.filter((r) => !RULES.some((rule) => rule.match(r))).map((r) => `${r.method} ${r.path}`);
    assert.deepEqual(orphans, [], 'routes no rule covers: add a rule');
  });

  it('answers every route × credential × scope as the rules say', async () => {
    const wrong: string[] = [];
    for (const r of routes) {
      const rule = RULES.find((x) => x.match(r))!;
      for (const v of ['own', 'other'] as Variant[]) {
        if (v === 'other' && !names(r)) continue;
        for (const c of CREDS) {
          const { id, queueId, reportId, alertId } = ids[c][v];
          let path = r.path.replace('{queueId}', queueId).replace('{id}', isAdmin(r) ? 'nobody-here' : isReport(r) ? reportId : isAlert(r) ? alertId : id);
          const init: Record<string, string> = { ...headers[c] };
          if (c === 'ticket' && (r.path === '/stream' || r.path.endsWith('/csv'))) {
            delete init.authorization;
            path += `?ticket=${ticket}`;
          }
          const body = BODIES[`${r.method} ${r.path}`];
          const abort = new AbortController();
          const res = await fetch(`${h.url}/api/v1${path}`, {
            method: r.method,
            headers: { ...init, ...(r.method === 'GET' || r.method === 'DELETE' ? {} : { 'content-type': 'application/json' }) },
            body: r.method === 'GET' || r.method === 'DELETE' ? undefined : JSON.stringify(body ?? {}),
            signal: abort.signal,
            // A redirect (to the OpenID provider) is the route's answer: its target is not ours to judge.
            redirect: 'manual',
          });
          abort.abort(); // the stream never ends by itself
          const expected = c === 'portalStranger' ? stranger(rule, r, v) : rule.expect(r, c, v);
          const got = outcome(res.status);
          const fine = expected === 'hidden' ? got === '403' || got === 'hidden' : expected === 'unknown' ? res.status === 404 : got === expected;
          if (!fine) wrong.push(`${r.method} ${path} as ${c} (${v}): ${res.status}, expected ${expected} [${rule.why}]`);
        }
      }
    }
    assert.deepEqual(wrong, []);
  });
});
