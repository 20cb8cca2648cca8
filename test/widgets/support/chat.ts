import type { ChatMessage } from '../../../contract/chat.js';
import { INTEGRATION_KEY } from '../../support/centre.js';
import type { TestServer } from './test-server.js';

/** Chat through the API, as the other person in a conversation would: a supervisor's token or an agent's desk token. */

async function call<T>(server: TestServer, path: string, token: string, body?: object): Promise<T> {
  const res = await fetch(`${server.url}${path}`, {
    method: body ? 'POST' : 'GET',
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** An agent desk token, as the telephony platform would get one for its signed-in agent. */
export function deskToken(server: TestServer, agentId: string): Promise<string> {
  return call<{ token: string }>(server, `/api/v1/agents/${agentId}/desk-token`, INTEGRATION_KEY, {}).then((s) => s.token);
}

export function say(server: TestServer, token: string, agentId: string, body: string, supervisorId?: string): Promise<ChatMessage> {
  return call<ChatMessage>(server, `/api/v1/agents/${agentId}/messages`, token, supervisorId ? { body, supervisorId } : { body });
}

export function markRead(server: TestServer, token: string, agentId: string, supervisorId?: string): Promise<unknown> {
  return call(server, `/api/v1/agents/${agentId}/messages/read`, token, supervisorId ? { supervisorId } : {});
}

export async function thread(server: TestServer, token: string, agentId: string, supervisorId?: string): Promise<ChatMessage[]> {
  const query = supervisorId ? `?limit=100&supervisor=${supervisorId}` : '?limit=100';
  return (await call<{ messages: ChatMessage[] }>(server, `/api/v1/agents/${agentId}/messages${query}`, token)).messages;
}
