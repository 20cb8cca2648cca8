import { createParser } from 'eventsource-parser';
import { WAIT_MS } from '../support/wait-until.js';
import { documentCheck } from './openapi-responses.js';

/** Reads a text/event-stream as it arrives (parsed by eventsource-parser), keeping ids, event names, comment lines and retry hints, for wire-level assertions. */

export interface SseMessage {
  id: string | null;
  event: string;
  data: string;
  /** Comment lines (heartbeats) are kept as messages with event ':'. */
  comment?: string;
  /** A `retry:` field's value (the message's event is then 'retry'). */
  retry?: number;
}

export interface SseReader {
  status: number;
  headers: Headers;
  messages: SseMessage[];
  /** Resolves with the first message (from now or already received after `from`) that matches. */
  next(match: (m: SseMessage) => boolean, timeoutMs?: number, from?: number): Promise<SseMessage>;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close(): void;
}

export async function openSse(url: string, headers: Record<string, string> = {}): Promise<SseReader> {
  const abort = new AbortController();
  const res = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: abort.signal });
  const messages: SseMessage[] = [];
  const waiters = new Set<() => void>();
  let endedResolve!: () => void;
  const ended = new Promise<void>((r) => (endedResolve = r));

  const arrived = (m: SseMessage) => {
    messages.push(m);
    for (const w of waiters) w();
  };
  const parser = createParser({
    onEvent: (e) => arrived({ id: e.id ?? null, event: e.event ?? 'message', data: e.data }),
    onComment: (comment) => arrived({ id: null, event: ':', data: '', comment: comment.trim() }),
    onRetry: (retry) => {
      // A comment right before a retry is one message with it, as the server writes them (the shutdown frame).
      const comment = messages.at(-1)?.event === ':' ? messages.pop()!.comment : undefined;
      arrived({ id: null, event: 'retry', data: '', retry, ...(comment !== undefined ? { comment } : {}) });
    },
  });

  const pump = async () => {
    if (!res.body) return endedResolve();
    try {
      for await (const text of res.body.pipeThrough(new TextDecoderStream())) parser.feed(text);
    } catch {
      // aborted by close() or cut by the server
    }
    endedResolve();
    for (const w of waiters) w();
  };
  void pump();

  // Each frame a test waits for is held against the OpenAPI document the same server serves.
  let doc: Promise<ReturnType<typeof documentCheck>> | null = null;
  const checked = async (m: SseMessage) => {
    if (m.event !== 'snapshot' && m.event !== 'delta') return m;
    doc ??= fetch(new URL('/api/v1/openapi.json', url)).then(async (r) => documentCheck(await r.text()));
    const problem = (await doc).componentProblem('StreamMessage', { id: m.id, event: m.event, data: JSON.parse(m.data) });
    if (problem) throw new Error(`GET /stream sent ${problem}`);
    return m;
  };

  return {
    status: res.status,
    headers: res.headers,
    messages,
    ended,
    next(match, timeoutMs = WAIT_MS, from = 0) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = messages.slice(from).find(match);
          if (found) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve(checked(found));
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching SSE message within ${timeoutMs} ms; got ${messages.map((m) => m.event).join(',')}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close: () => abort.abort(),
  };
}

export const frame = (m: SseMessage) =>
  JSON.parse(m.data) as {
    agents: { agentId: string; state: string; stateReason: string | null; contactState: string; queues: { queueId: string }[] }[];
    queues: { queueId: string; waiting: number }[];
  };
