import type { ServerResponse } from 'node:http';
import type { Scope } from '../auth/principal.js';

const EVENT_STREAM_HEADERS = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache, no-transform',
  connection: 'keep-alive',
  'x-accel-buffering': 'no',
  'x-content-type-options': 'nosniff',
  // The CORS headers depend on the caller's Origin.
  vary: 'Origin',
};

/**
 * Starts an event stream on the Node response itself, past the framework's Response (the hub writes
 * one Buffer to every client of a scope). Middleware that sets headers before the handler (CORS: the
 * app's one policy) has them in `prepared`; they go out with the stream's own.
 */
export function openEventStream(res: ServerResponse, prepared: Headers): void {
  res.writeHead(200, { ...Object.fromEntries(prepared), ...EVENT_STREAM_HEADERS });
  res.socket?.setNoDelay(true);
  res.write('retry: 2000\n\n');
}

/**
 * One EventSource client, written to directly: no per-message stream machinery, the same
 * frame goes to every client of a scope. On a chunked response (HTTP/1.1, every browser) the
 * frame's ready-made chunk goes straight to the socket, past the response's own write (which
 * would frame it again for each client: a hex length, four buffers, a cork and a writev each);
 * the response still ends the stream, its terminating chunk after ours on the same socket.
 */
export class SseConnection {
  /** Id (sequence number) of the last frame written. */
  lastSeq = 0;
  /** Set while the socket has a backlog: frames are skipped and merged into a catch-up on drain. */
  laggingSince: number | null = null;
  closed = false;

  constructor(
    private readonly res: ServerResponse,
    /** What the viewer may see; an admin's change of the directory replaces it (StreamHub.rescope). */
    public scope: Scope,
    /** When the credentials behind the stream expire; the hub closes it then. */
    readonly expiresAt: number | null,
    /** Who is watching (`supervisor:s-ava`, `agent:a-1`…): items published for them go only to their connections. */
    readonly viewer: string,
    /** The sign-in session behind the stream (a ticket's is the one it was minted from): ending it ends the stream. */
    readonly session: string | null = null,
    /** The client asked for deltas of the changed fields (`?delta=fields`); else it gets changed rows whole. */
    readonly fieldDeltas = false,
  ) {}

  /** Bytes accepted but not yet handed to the kernel (the response's own count includes its socket's). */
  get backlog(): number {
    return this.res.writableLength;
  }

  write(frame: SseFrame): void {
    if (this.closed) return;
    // A socket is the response's own once assigned (a pipelined response waits without one); an
    // HTTP/1.0 client gets no chunks, only the frame.
    const socket = this.res.socket;
    if (socket && this.res.chunkedEncoding) socket.write(frame.chunk);
    else this.res.write(frame.body);
  }

  /** Once the backlog is written: the socket says so for the chunks written to it, the response for its own writes. */
  onDrain(fn: () => void): void {
    const socket = this.res.socket;
    if (socket && this.res.chunkedEncoding) socket.once('drain', fn);
    else this.res.once('drain', fn);
  }

  onClose(fn: () => void): void {
    this.res.once('close', () => {
      this.closed = true;
      fn();
    });
  }

  /** Ends the stream, after a last frame if given (a reconnect hint). */
  close(last?: SseFrame): void {
    if (this.closed) return;
    this.closed = true;
    if (last) this.res.end(last.body);
    else this.res.end();
  }

  /** Cut off without waiting for the backlog to flush. */
  destroy(): void {
    this.closed = true;
    this.res.destroy();
  }
}

/** An SSE message encoded once: `chunk` is it as an HTTP/1.1 chunk, `body` the message alone (a view into the same bytes). */
export interface SseFrame {
  chunk: Buffer;
  body: Buffer;
}

export function encodeFrame(text: string): SseFrame {
  const length = Buffer.byteLength(text);
  const head = `${length.toString(16)}\r\n`;
  const chunk = Buffer.allocUnsafe(head.length + length + 2);
  chunk.write(head, 0, 'latin1');
  chunk.write(text, head.length, 'utf8');
  chunk.write('\r\n', head.length + length, 'latin1');
  return { chunk, body: chunk.subarray(head.length, head.length + length) };
}

export function sseFrame(id: string, event: string, data: unknown): SseFrame {
  return sseFrameJson(id, event, JSON.stringify(data));
}

/** A frame whose data is already serialized (the hub reuses a scope's JSON for each viewer's own additions). */
export function sseFrameJson(id: string, event: string, json: string): SseFrame {
  return encodeFrame(`id: ${id}\nevent: ${event}\ndata: ${json}\n\n`);
}

export const HEARTBEAT = encodeFrame(': heartbeat\n\n');

/**
 * The last words of a stream when the server stops: EventSource reconnects after `retry`
 * ms, to this server restarted or to another node behind the balancer. Spread over
 * 0.5–2.5 s, so thousands of clients do not all come back in the same instant.
 */
export function shutdownFrame(random: () => number = Math.random): SseFrame {
  return encodeFrame(`: server stopping, reconnect\nretry: ${500 + Math.floor(random() * 2000)}\n\n`);
}
