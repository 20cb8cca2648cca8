import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { createApp } from '../../server/app.js';
import { readConfig, type Config } from '../../server/wiring/env.js';
import { createServices, type ServiceOptions, type Services } from '../../server/wiring/services.js';
import { centre, INTEGRATION } from '../support/centre.js';
import { storeEnv } from '../support/test-store.js';
import { ResponseCheck } from './openapi-responses.js';

export { centre, DISPLAY, INTEGRATION } from '../support/centre.js';

export interface Harness {
  dir: string;
  config: Config;
  services: Services;
  app: ReturnType<typeof createApp>;
  /** Base URL of a real listening server, once `listen()` was called. */
  url: string;
  listen(): Promise<string>;
  /** Bearer headers for a supervisor ('ava' | 'ben' | 'sam'). */
  login(who: 'ava' | 'ben' | 'sam'): Promise<Record<string, string>>;
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<Response>;
  get(path: string, headers?: Record<string, string>): Promise<Response>;
  /** Posts events through the integration API; fails the test on a non-200. */
  events(...events: object[]): Promise<{ accepted: number; duplicates: number }>;
  close(options?: { keepFiles?: boolean }): Promise<void>;
}

export interface HarnessOptions extends ServiceOptions {
  env?: Record<string, string>;
  /** Another directory than the small `centre`. */
  centre?: object;
  /** Reuse an existing data directory (restart tests). */
  dir?: string;
}

/** Writes `directory` into `dir` as the directory file; the environment of a server on it and on the database of `dir` (a file in it, or its PostgreSQL database: test/support/test-store.ts), the simulator off. */
export function centreEnv(dir: string, directory: object = centre): Record<string, string> {
  const file = join(dir, 'centre.json');
  writeFileSync(file, JSON.stringify(directory));
  return { FLOORVIEW_DB: join(dir, 'floorview.db'), FLOORVIEW_DIRECTORY: file, FLOORVIEW_SIMULATOR: 'off', ...storeEnv(dir) };
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'floorview-test-'));
  const config = readConfig({
    ...centreEnv(dir, options.centre),
    // Suites with fixed dates run on the real clock, so any year-old date must pass; the window has its own suite (event-time.test.ts).
    FLOORVIEW_EVENT_MAX_AGE_DAYS: '3650',
    ...options.env,
  });
  const services = await createServices(config, options);
  const app = createApp(services);
  let server: ServerType | null = null;

  // Every answer of the app, by app.request() or the listening server, is held against the OpenAPI document.
  const fetch = app.fetch;
  const responses = new ResponseCheck(async () => (await fetch(new Request('http://localhost/api/v1/openapi.json'))).text());
  app.fetch = async (request, env, ctx) => {
    const res = await fetch(request, env, ctx);
    responses.see(request.method, request.url, res);
    return res;
  };

  const h: Harness = {
    dir,
    config,
    services,
    app,
    url: '',
    async listen() {
      await new Promise<void>((resolve) => {
        server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
          h.url = `http://127.0.0.1:${info.port}`;
          resolve();
        });
      });
      return h.url;
    },
    async login(who) {
      const res = await h.post('/api/v1/auth/login', { email: `${who}@example.com`, password: `${who}-password` });
      if (res.status !== 200) throw new Error(`login ${who}: ${res.status} ${await res.text()}`);
      const { token } = (await res.json()) as { token: string };
      return { authorization: `Bearer ${token}` };
    },
    async post(path, body, headers = {}) {
      return app.request(path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
    },
    async get(path, headers = {}) {
      return app.request(path, { headers });
    },
    async events(...events) {
      const res = await h.post('/api/v1/events', { events }, INTEGRATION);
      const body = await res.json();
      if (res.status !== 200) throw new Error(`events: ${res.status} ${JSON.stringify(body)}`);
      return body as { accepted: number; duplicates: number };
    },
    async close({ keepFiles = false } = {}) {
      await services.close();
      if (server) await new Promise<void>((resolve) => server!.close(() => resolve()));
      if (!keepFiles) rmSync(dir, { recursive: true, force: true });
      const coverage = process.env.FLOORVIEW_OPENAPI_COVERAGE;
      if (coverage) appendFileSync(coverage, [...responses.exercised].map((line) => `${line}\n`).join(''));
      await responses.settle();
    },
  };
  return h;
}

/** Event builder with unique ids and instants relative to `t0`. */
export function eventFactory(t0 = Date.now() - 60 * 60_000) {
  let n = 0;
  return (type: string, secondsAfterT0: number, fields: Record<string, unknown> = {}) => ({
    id: `e-${++n}-${Math.random().toString(36).slice(2, 8)}`,
    type,
    at: new Date(t0 + secondsAfterT0 * 1000).toISOString(),
    ...fields,
  });
}

/** A Sales call a-1 answers `s` seconds after the factory's t0, then wraps up: a minute connected, 30 s of wrap-up. */
export function answeredCall(ev: ReturnType<typeof eventFactory>, callId: string, s: number) {
  return [
    ev('call.queued', s, { callId, queueId: 'q-sales' }),
    ev('call.offered', s + 2, { callId, agentId: 'a-1' }),
    ev('call.answered', s + 5, { callId, agentId: 'a-1' }),
    ev('call.ended', s + 65, { callId, by: 'agent' }),
    ev('wrapup.started', s + 65, { agentId: 'a-1', callId }),
    ev('wrapup.completed', s + 95, { agentId: 'a-1', callId, reasonId: 'w-resolved' }),
  ];
}

/** Table rows in column order, whatever their number of columns: equal sorted dumps are equal tables. */
export const byColumns = (a: unknown[], b: unknown[]) => {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return (a[i] as number | string) < (b[i] as number | string) ? -1 : 1;
  return 0;
};
