import { WAIT_MS } from './harness.js';

/** Reads a text/event-stream as it arrives, keeping ids, event names and comment lines, for wire-level assertions. */

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

  const pump = async () => {
    if (!res.body) return endedResolve();
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of res.body) {
        buffer += decoder.decode(chunk as Uint8Array, { stream: true });
        let cut: number;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const m: SseMessage = { id: null, event: 'message', data: '' };
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) {
              m.event = ':';
              m.comment = line.slice(1).trim();
            } else if (line.startsWith('id: ')) m.id = line.slice(4);
            else if (line.startsWith('event: ')) m.event = line.slice(7);
            else if (line.startsWith('data: ')) m.data += line.slice(6);
            else if (line.startsWith('retry: ')) {
              m.event = 'retry';
              m.retry = Number(line.slice(7));
            }
          }
          messages.push(m);
          for (const w of waiters) w();
        }
      }
    } catch {
      // aborted by close() or cut by the server
    }
    endedResolve();
    for (const w of waiters) w();
  };
  void pump();

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
            resolve(found);
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
