import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { count } from 'drizzle-orm';
import { events } from '../../server/db/schema/events.js';
import { INTEGRATION, startHarness, type Harness } from './harness.js';

/**
 * Property tests over the whole API, read from GET /api/v1/openapi.json so a
 * new route is fuzzed without anyone listing it: whatever a client sends —
 * malformed JSON, wrong types, hostile strings (control characters, lone
 * surrogates, bidi overrides, HTML, CSV formulas, megabytes) — the answer is
 * never a 5xx, every refusal is the SPEC §8 error body, a 400 names the bad
 * fields, and an event batch is taken whole or not at all.
 *
 * fast-check prints the seed and the shrunk input of a failure; rerun it with
 * `FC_SEED=<seed>`.
 */
const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined;
const RUNS = 60;

const hostile = fc.oneof(
  fc.constantFrom(
    '<img src=x onerror=alert(1)>',
    '=HYPERLINK("http://evil.example","x")',
    '+1+1',
    '@SUM(A1)',
    'a\u0000b\u202e\u0007',
    '\ud800',
    '\u0085\u009b',
    "' OR 1=1 --",
    '../../etc/passwd',
    '',
    ' ',
    'x'.repeat(70_000),
  ),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ maxLength: 300 }),
);
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  hostile,
  fc.jsonValue({ maxDepth: 2 }),
  fc.integer(),
  fc.double(),
  fc.constantFrom(null, true, false, [], {}, -1, 0, 1e308, Number.MAX_SAFE_INTEGER + 2),
);

interface Op {
  method: string;
  path: string;
  tags: string[];
  security: unknown[] | null;
  bodyKeys: string[] | null;
  queryKeys: string[];
}

type Schema = { $ref?: string; properties?: Record<string, unknown>; oneOf?: Schema[]; anyOf?: Schema[]; allOf?: Schema[] };

/** The property names a request body may carry, following $refs and unions. */
function keysOf(schema: Schema | undefined, components: Record<string, Schema>, seen = new Set<string>()): string[] {
  if (!schema) return [];
  if (schema.$ref) {
    const name = schema.$ref.split('/').pop()!;
    if (seen.has(name)) return [];
    seen.add(name);
    return keysOf(components[name], components, seen);
  }
  const nested = [...(schema.oneOf ?? []), ...(schema.anyOf ?? []), ...(schema.allOf ?? [])].flatMap((s) => keysOf(s, components, seen));
  return [...new Set([...Object.keys(schema.properties ?? {}), ...nested])];
}

/** An object with some of the keys the schema knows, and perhaps one it does not, each with any value. */
const bodyFor = (keys: string[]) =>
  fc.oneof(
    fc.dictionary(fc.constantFrom(...keys, 'unexpected'), anyValue, { maxKeys: keys.length + 1 }).map((o) => JSON.stringify(o)),
    fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
    // Not JSON at all, or cut short.
    fc.string({ maxLength: 60 }),
    fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify({ k: v }).slice(0, -1)),
  );

// Mostly JSON, as clients send; sometimes what a form or a careless client sends.
const contentType = fc.oneof(
  { weight: 4, arbitrary: fc.constant('application/json') },
  fc.constantFrom('application/json; charset=utf-8', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', undefined),
);

const queryFor = (keys: string[]) =>
  fc.dictionary(fc.constantFrom(...keys, 'unexpected'), fc.oneof(hostile, fc.integer().map(String), fc.double().map(String)), { maxKeys: keys.length + 1 });

/** The SPEC §8 error body; a 400 names at least one field. */
async function assertRefusalShape(res: Response, what: string) {
  assert.ok(res.status < 500, `${what}: ${res.status} ${await res.clone().text()}`);
  // Node's HTTP parser refuses a request line over 16 KiB before the app sees it (no body): the transport's answer, not ours.
  if (res.status < 400 || res.status === 431) return;
  const text = await res.text();
  let body: { error?: { code?: unknown; message?: unknown; fields?: Record<string, unknown> } };
  try {
    body = JSON.parse(text);
  } catch {
    assert.fail(`${what}: ${res.status} is not JSON: ${text.slice(0, 200)}`);
  }
  assert.equal(typeof body.error?.code, 'string', `${what}: ${text.slice(0, 200)}`);
  assert.equal(typeof body.error?.message, 'string', `${what}: ${text.slice(0, 200)}`);
  if (res.status === 400 && body.error!.code === 'invalid_request') {
    assert.ok(body.error!.fields && Object.keys(body.error!.fields).length > 0, `${what}: a 400 without fields: ${text.slice(0, 300)}`);
  }
}

describe('fuzzing the API from its OpenAPI document', () => {
  let h: Harness;
  let ops: Op[];
  let sam: Record<string, string>;

  before(async () => {
    h = await startHarness();
    await h.listen();
    sam = await h.login('sam');
    const doc = (await (await h.get('/api/v1/openapi.json')).json()) as {
      paths: Record<string, Record<string, { tags?: string[]; security?: unknown[]; requestBody?: { content?: Record<string, { schema?: Schema }> }; parameters?: { in: string; name: string }[] }>>;
      components: { schemas: Record<string, Schema> };
    };
    ops = Object.entries(doc.paths).flatMap(([path, byMethod]) =>
      Object.entries(byMethod).map(([method, op]) => ({
        method: method.toUpperCase(),
        path,
        tags: op.tags ?? [],
        security: op.security ?? null,
        bodyKeys: op.requestBody ? keysOf(op.requestBody.content?.['application/json']?.schema, doc.components.schemas) : null,
        queryKeys: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
      })),
    );
  });
  after(() => h.close());

  /** Who calls a route: the integration for ingestion and desks, nobody for the sign-ins, else the admin supervisor. */
  const credentialFor = (op: Op): Record<string, string> =>
    op.security?.length === 0 ? {} : op.tags.some((t) => t === 'Ingestion' || t === 'Agent desk') ? INTEGRATION : sam;
  const concrete = (path: string) => `/api/v1${path.replace('{queueId}', 'q-sales').replace('{id}', 'a-1')}`;
  // Sessions end here: fuzzing them would sign the fuzzer out.
  const endsSession = (op: Op) => op.path === '/auth/logout' || op.path === '/auth/display-session/renew';

  it('answers any body on every route that takes one with a 2xx or the error body, never a 5xx', async () => {
    const withBody = ops.filter((op) => op.bodyKeys !== null && !endsSession(op));
    assert.ok(withBody.length >= 8, `routes with a body: ${withBody.map((o) => o.path).join(', ')}`);
    for (const op of withBody) {
      await fc.assert(
        fc.asyncProperty(contentType, bodyFor(op.bodyKeys!.length ? op.bodyKeys! : ['x']), async (type, body) => {
          const res = await fetch(h.url + concrete(op.path), {
            method: op.method,
            headers: { ...(type ? { 'content-type': type } : {}), ...credentialFor(op) },
            body,
          });
          await assertRefusalShape(res, `${op.method} ${op.path} (${type}) ${JSON.stringify(body).slice(0, 200)}`);
        }),
        { numRuns: RUNS, seed, includeErrorInReport: true },
      );
    }
  });

  it('answers any query on every route with a 2xx or the error body, never a 5xx', async () => {
    const withQuery = ops.filter((op) => op.queryKeys.length > 0 && op.method === 'GET');
    assert.ok(withQuery.length >= 6, `routes with a query: ${withQuery.map((o) => o.path).join(', ')}`);
    for (const op of withQuery) {
      await fc.assert(
        fc.asyncProperty(queryFor(op.queryKeys), async (query) => {
          const res = await fetch(`${h.url}${concrete(op.path)}?${new URLSearchParams(query)}`, { headers: credentialFor(op) });
          // An opened stream stays open: its query passed validation; close it.
          if (op.path === '/stream' && res.ok) {
            await res.body?.cancel();
            return;
          }
          await assertRefusalShape(res, `${op.method} ${op.path}?${new URLSearchParams(query)}`.slice(0, 300));
        }),
        { numRuns: RUNS, seed, includeErrorInReport: true },
      );
    }
  });

  it('takes an event batch whole or not at all, and names every bad field', async () => {
    const stored = async () => (await h.services.store.db.select({ n: count() }).from(events))[0]!.n;
    const at = () => new Date(Date.now() - 60_000).toISOString();
    const valid: Record<string, () => Record<string, unknown>> = {
      'agent.signed_in': () => ({ agentId: 'a-2' }),
      'agent.state_changed': () => ({ agentId: 'a-2', state: 'unavailable', reason: 'Lunch' }),
      'agent.queue_joined': () => ({ agentId: 'a-2', queueId: 'q-sales' }),
      'call.queued': () => ({ callId: 'c-fuzz', queueId: 'q-sales' }),
      'call.offered': () => ({ callId: 'c-fuzz', agentId: 'a-2' }),
      'call.held': () => ({ callId: 'c-fuzz' }),
      'call.ended': () => ({ callId: 'c-fuzz', by: 'caller' }),
    };
    let n = 0;
    const seen = { taken: 0, refused: 0 };
    const event = fc
      .record({
        type: fc.constantFrom(...Object.keys(valid)),
        // Most events stay valid, so batches mix good and bad ones.
        spoil: fc.option(fc.tuple(fc.constantFrom('id', 'type', 'at', 'agentId', 'queueId', 'callId', 'state', 'reason', 'by', 'extra'), fc.option(anyValue, { nil: undefined })), { freq: 3, nil: null }),
      })
      .map(({ type, spoil }) => {
        const e: Record<string, unknown> = { id: `fuzz-${++n}-${Math.random().toString(36).slice(2)}`, type, at: at(), ...valid[type]!() };
        if (spoil) {
          const [field, value] = spoil;
          if (value === undefined) delete e[field];
          else e[field] = value;
        }
        return e;
      });
    await fc.assert(
      fc.asyncProperty(fc.array(event, { minLength: 1, maxLength: 6 }), async (batch) => {
        const before = await stored();
        const res = await h.post('/api/v1/events', { events: batch }, INTEGRATION);
        const what = JSON.stringify(batch).slice(0, 400);
        await assertRefusalShape(res.clone(), what);
        if (res.status === 200) {
          const { accepted, duplicates } = (await res.json()) as { accepted: number; duplicates: number };
          assert.equal(accepted + duplicates, batch.length, what);
          assert.equal((await stored()) - before, accepted, `${what}: stored what it accepted`);
          seen.taken++;
        } else {
          assert.equal(res.status, 400, what);
          assert.equal(await stored(), before, `${what}: a refused batch stores nothing`);
          const { fields } = ((await res.json()) as { error: { fields: Record<string, string> } }).error;
          for (const key of Object.keys(fields)) assert.match(key, /^events(\[\d+\])?/, `${what}: field ${key}`);
          seen.refused++;
        }
      }),
      { numRuns: 300, seed, includeErrorInReport: true },
    );
    assert.ok(seen.taken > 20 && seen.refused > 20, `both outcomes tried: ${JSON.stringify(seen)}`);
    // Still healthy, and still taking events.
    assert.equal((await h.get('/api/v1/health')).status, 200);
    await h.events({ id: `after-fuzz-${Date.now()}`, type: 'agent.signed_in', at: at(), agentId: 'a-3' });
  });
});
