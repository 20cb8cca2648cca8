import type { SupervisorCommand } from '../../../server/commands/command.js';
import type { StreamRequest } from './fixture-servers.js';

export { DISPLAY_TOKEN } from '../../support/centre.js';
export type { SupervisorCommand, StreamRequest };

/** A real Floorview server started for a test (see fixture-servers.ts), driven from the browser. */
export interface TestServer {
  url: string;
  /** Posts platform events (SPEC §3) through the ingestion API. */
  events(...events: object[]): Promise<void>;
  /** A supervisor's bearer token, signed in from this page (a CORS request, as an embedding portal would make). */
  login(who: 'ava' | 'ben' | 'sam'): Promise<string>;
  /** How the platform stub answers commands: confirm (once answered), hold (until `release`), refuse (with `refusal`). */
  platform(mode: 'confirm' | 'hold' | 'refuse', refusal?: string): Promise<void>;
  release(): Promise<void>;
  commands(): Promise<SupervisorCommand[]>;
  streamRequests(): Promise<StreamRequest[]>;
  dropStreams(): Promise<void>;
  /** Runs SQL on the server's database (to make its store fail under a job). */
  sql(text: string): Promise<void>;
  close(): Promise<void>;
}

async function control<T>(path: string, body?: object): Promise<T> {
  const res = await fetch(`/__floorview/servers${path}`, body === undefined ? {} : { method: 'POST', body: JSON.stringify(body) });
  const result = (await res.json()) as T & { error?: string };
  if (!res.ok) throw new Error(`${path}: ${result.error}`);
  return result;
}

export interface ServerOptions {
  agents?: number;
  /** The centre with zh-CN names for Sales, Resolved and the state reason Lunch. */
  translated?: boolean;
}

export async function startServer(options: ServerOptions = {}): Promise<TestServer> {
  const { id, url } = await control<{ id: string; url: string }>('', options);
  return {
    url,
    events: (...events) => control(`/${id}/events`, { events }),
    async login(who) {
      const res = await fetch(`${url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: `${who}@example.com`, password: `${who}-password` }),
      });
      if (!res.ok) throw new Error(`login ${who}: ${res.status}`);
      return ((await res.json()) as { token: string }).token;
    },
    platform: (mode, refusal) => control(`/${id}/platform`, { mode, refusal }),
    release: () => control(`/${id}/release`, {}),
    commands: () => control(`/${id}/commands`),
    streamRequests: () => control(`/${id}/stream-requests`),
    dropStreams: () => control(`/${id}/drop-streams`, {}),
    sql: (text) => control(`/${id}/sql`, { sql: text }),
    close: () => control(`/${id}/close`, {}),
  };
}

/** A server whose floor `setUp` posts (standardFloor, historyCalls), and Ava's token: where most suites start. */
export async function startAsAva(setUp: (server: TestServer) => Promise<void>, options?: ServerOptions): Promise<{ server: TestServer; token: string }> {
  const server = await startServer(options);
  await setUp(server);
  return { server, token: await server.login('ava') };
}

/** Events with unique ids, `at` seconds after `t0`. */
export function eventFactory(t0 = Date.now() - 10 * 60_000) {
  let n = 0;
  const run = Math.random().toString(36).slice(2, 8);
  return (type: string, seconds: number, fields: Record<string, unknown> = {}) => ({
    id: `w-${run}-${++n}`,
    type,
    at: new Date(t0 + seconds * 1000).toISOString(),
    ...fields,
  });
}

/**
 * The floor most tests start from (t0 = 10 minutes ago):
 * a-1 李娜 available, in Sales, on an inbound call answered at 8:25;
 * a-2 Wang Wei unavailable (Lunch), joined Support only;
 * a-3 Olivia Smith signed out;
 * a-4 (HTML name) available in Sales, on an outbound call;
 * a-5 Ben Carter available in Support, a call ringing.
 */
export async function standardFloor(server: TestServer): Promise<void> {
  const ev = eventFactory();
  await server.events(
    ...['a-1', 'a-2', 'a-3', 'a-4', 'a-5'].map((agentId, i) => ev('agent.signed_in', i, { agentId })),
    ev('agent.state_changed', 10, { agentId: 'a-1', state: 'available' }),
    ev('agent.queue_joined', 11, { agentId: 'a-1', queueId: 'q-sales' }),
    ev('agent.state_changed', 20, { agentId: 'a-2', state: 'unavailable', reason: 'Lunch' }),
    ev('agent.queue_joined', 21, { agentId: 'a-2', queueId: 'q-support' }),
    ev('agent.signed_out', 100, { agentId: 'a-3' }),
    ev('agent.state_changed', 30, { agentId: 'a-4', state: 'available' }),
    ev('agent.queue_joined', 31, { agentId: 'a-4', queueId: 'q-sales' }),
    ev('agent.state_changed', 40, { agentId: 'a-5', state: 'available' }),
    ev('agent.queue_joined', 41, { agentId: 'a-5', queueId: 'q-support' }),
    ev('call.queued', 500, { callId: 'c-1', queueId: 'q-sales', direction: 'inbound' }),
    ev('call.offered', 501, { callId: 'c-1', agentId: 'a-1' }),
    ev('call.answered', 505, { callId: 'c-1', agentId: 'a-1' }),
    ev('call.dialed', 540, { callId: 'c-2', agentId: 'a-4' }),
    ev('call.answered', 550, { callId: 'c-2', agentId: 'a-4' }),
    ev('call.queued', 590, { callId: 'c-3', queueId: 'q-support', direction: 'inbound' }),
    ev('call.offered', 595, { callId: 'c-3', agentId: 'a-5' }),
  );
}
