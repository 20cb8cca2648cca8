import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, type Http2Bindings, type HttpBindings, type ServerType } from '@hono/node-server';
import { createApp } from '../../../server/app.js';
import type { SupervisorCommand } from '../../../server/commands/command.js';
import { readConfig } from '../../../server/wiring/env.js';
import { createServices, type Services } from '../../../server/wiring/services.js';
import { INTEGRATION, largeCentre, translatedCentre, widgetCentre } from '../../support/centre.js';

/**
 * Real Floorview servers for the widget tests, run inside the test runner's
 * Node process (createServices + serve, as test/server/harness.ts does). Each
 * has its own SQLite file and a telephony platform stub behind the webhook
 * adapter: it checks the signature, records the command, and confirms it by
 * posting events back — or holds the confirmation, or refuses.
 * Browser tests drive them through `/__floorview/…` on the test runner's server.
 */

const WEBHOOK_SECRET = 'widget-tests-webhook-secret';

type PlatformMode = 'confirm' | 'hold' | 'refuse';

export interface StreamRequest {
  ticket: boolean;
  bearer: boolean;
  lastEventId: string | null;
}

class FloorviewFixture {
  readonly received: SupervisorCommand[] = [];
  readonly streamRequests: StreamRequest[] = [];
  private held: SupervisorCommand[] = [];
  private mode: PlatformMode = 'confirm';
  private refusal = 'The platform refused the command.';
  private eventSeq = 0;
  private closed = false;
  url = '';
  private http: ServerType | null = null;
  private platform: Server | null = null;

  private readonly app: ReturnType<typeof createApp>;

  private constructor(
    private readonly dir: string,
    private readonly services: Services,
  ) {
    this.app = createApp(services);
  }

  static async start(origin: string, options: { agents?: number; translated?: boolean }): Promise<FloorviewFixture> {
    const dir = mkdtempSync(join(tmpdir(), 'floorview-widgets-'));
    const directory = options.agents ? largeCentre(options.agents, Math.max(2, Math.ceil(options.agents / 20))) : options.translated ? translatedCentre : widgetCentre;
    writeFileSync(join(dir, 'centre.json'), JSON.stringify(directory));
    const platform = createServer();
    await new Promise<void>((r) => platform.listen(0, '127.0.0.1', r));
    const config = readConfig({
      FLOORVIEW_DB: join(dir, 'floorview.db'),
      FLOORVIEW_DIRECTORY: join(dir, 'centre.json'),
      FLOORVIEW_SIMULATOR: 'off',
      // The history suites post a fixed day (HISTORY_DAY), judged by the real clock.
      FLOORVIEW_EVENT_MAX_AGE_DAYS: '3650',
      FLOORVIEW_ALLOWED_ORIGINS: origin,
      FLOORVIEW_COMMAND_WEBHOOK: `http://127.0.0.1:${(platform.address() as AddressInfo).port}/commands`,
      FLOORVIEW_COMMAND_WEBHOOK_SECRET: WEBHOOK_SECRET,
    });
    const fixture = new FloorviewFixture(dir, await createServices(config));
    fixture.platform = platform;
    platform.on('request', (req, res) => void fixture.onCommand(req, res));
    await fixture.listen();
    return fixture;
  }

  /** On `localhost`: the test page's origin is localhost too, so the session cookie is same-site (ports do not count). */
  private async listen(): Promise<void> {
    // Plain HTTP/1.1 here, so the bindings are HttpBindings (the stream route writes to `outgoing`).
    const fetch = (req: Request, env: HttpBindings | Http2Bindings) => {
      const url = new URL(req.url);
      if (url.pathname === '/api/v1/stream') {
        this.streamRequests.push({
          ticket: url.searchParams.has('ticket'),
          bearer: req.headers.has('authorization'),
          lastEventId: url.searchParams.get('lastEventId') ?? req.headers.get('last-event-id'),
        });
      }
      return this.app.fetch(req, env as HttpBindings);
    };
    await new Promise<void>((resolve) => {
      this.http = serve({ fetch, port: 0 }, (info) => {
        this.url = `http://localhost:${info.port}`;
        resolve();
      });
    });
  }

  private async onCommand(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let body = '';
    for await (const chunk of req) body += chunk;
    const expected = createHmac('sha256', WEBHOOK_SECRET).update(`${req.headers['x-floorview-timestamp']}.${body}`).digest('hex');
    if (req.headers['x-floorview-signature'] !== `sha256=${expected}`) {
      res.writeHead(401).end('bad signature');
      return;
    }
    const cmd = JSON.parse(body) as SupervisorCommand;
    this.received.push(cmd);
    if (this.mode === 'refuse') {
      res.writeHead(500).end(this.refusal);
      return;
    }
    res.writeHead(204).end();
    // Confirmed once answered, as a platform would. A test that watches the pending state holds
    // the confirmation, so the state lasts until it releases it, however slow the machine.
    if (this.mode === 'hold') this.held.push(cmd);
    else void this.confirm([cmd]);
  }

  setPlatform(mode: PlatformMode, refusal?: string): void {
    this.mode = mode;
    if (refusal) this.refusal = refusal;
  }

  async release(): Promise<void> {
    const held = this.held;
    this.held = [];
    await this.confirm(held);
  }

  private async confirm(commands: SupervisorCommand[]): Promise<void> {
    if (this.closed) return;
    const at = new Date().toISOString();
    const events = commands.map((cmd) => {
      const base = { id: `platform-${++this.eventSeq}`, at, agentId: cmd.agentId };
      switch (cmd.kind) {
        case 'set_state':
          return { ...base, type: 'agent.state_changed', state: cmd.state, ...(cmd.reason ? { reason: cmd.reason } : {}) };
        case 'sign_out':
          return { ...base, type: 'agent.signed_out' };
        case 'join_queue':
          return { ...base, type: 'agent.queue_joined', queueId: cmd.queueId };
        case 'leave_queue':
          return { ...base, type: 'agent.queue_left', queueId: cmd.queueId };
        case 'monitor':
          return { ...base, type: 'monitor.started', callId: cmd.callId, supervisorId: cmd.supervisorId, mode: cmd.mode };
        case 'end_monitor':
          return { ...base, type: 'monitor.ended', supervisorId: cmd.supervisorId };
      }
    });
    if (events.length > 0) await this.ingest(events);
  }

  async ingest(events: unknown[]): Promise<void> {
    const res = await this.app.request('/api/v1/events', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...INTEGRATION },
      body: JSON.stringify({ events }),
    });
    if (res.status !== 200) throw new Error(`events: ${res.status} ${await res.text()}`);
  }

  /** Runs SQL on the server's database: a test makes the store fail under a job (a trigger), as a full disk would. */
  sql(text: string): Promise<void> {
    return this.services.store.exclusive((db) => void db.$client.exec(text));
  }

  /** Ends every open stream, as a restarting proxy would; the history stays, so clients can resume. */
  dropStreams(): void {
    this.services.hub.stop();
    this.services.hub.start();
  }

  /** Stops taking requests first: the page's widgets keep reconnecting until the test's fixture is removed. */
  async close(): Promise<void> {
    this.closed = true;
    const http = this.http as Server | null;
    const closed = new Promise<void>((r) => (http ? http.close(() => r()) : r()));
    http?.closeAllConnections();
    await closed;
    await this.services.close();
    await new Promise<void>((r) => (this.platform ? this.platform.close(() => r()) : r()));
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** The slice of a Koa context the control routes use. */
interface ControlContext {
  method: string;
  path: string;
  req: IncomingMessage;
  status: number;
  body: unknown;
  type: string;
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  let text = '';
  for await (const chunk of req) text += chunk;
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

/**
 * Control routes for browser tests, as test runner middleware:
 * `POST /__floorview/servers` starts a server → `{id, url}`;
 * `POST /__floorview/servers/<id>/<action>`: events, platform, release, drop-streams, sql, close;
 * `GET /__floorview/servers/<id>/commands|stream-requests`.
 */
export function floorviewFixtures(origin: string) {
  const fixtures = new Map<string, FloorviewFixture>();
  let next = 0;
  const middleware = async (ctx: ControlContext, nextMiddleware: () => Promise<unknown>) => {
    const m = /^\/__floorview\/servers(?:\/([^/]+)\/([a-z-]+))?$/.exec(ctx.path);
    if (!m) return nextMiddleware();
    const body = ctx.method === 'POST' ? await readJson(ctx.req) : {};
    const [, id, action] = m;
    let result: unknown = { ok: true };
    try {
      if (!id) {
        const fixture = await FloorviewFixture.start(origin, { agents: Number(body.agents) || undefined, translated: body.translated === true });
        const fid = `s${++next}`;
        fixtures.set(fid, fixture);
        result = { id: fid, url: fixture.url };
      } else {
        const fixture = fixtures.get(id);
        if (!fixture) throw new Error(`no test server ${id}`);
        if (action === 'events') await fixture.ingest(body.events as unknown[]);
        else if (action === 'platform') fixture.setPlatform(body.mode as PlatformMode, body.refusal as string | undefined);
        else if (action === 'release') await fixture.release();
        else if (action === 'drop-streams') fixture.dropStreams();
        else if (action === 'sql') await fixture.sql(body.sql as string);
        else if (action === 'commands') result = fixture.received;
        else if (action === 'stream-requests') result = fixture.streamRequests;
        else if (action === 'close') {
          fixtures.delete(id);
          await fixture.close();
        } else throw new Error(`unknown action ${action}`);
      }
      ctx.status = 200;
    } catch (err) {
      ctx.status = 500;
      result = { error: (err as Error).message };
    }
    ctx.type = 'application/json';
    ctx.body = JSON.stringify(result);
  };
  const plugin = {
    name: 'floorview-fixtures',
    async serverStop() {
      await Promise.all([...fixtures.values()].map((f) => f.close()));
      fixtures.clear();
    },
  };
  return { middleware, plugin };
}
