/**
 * The load process of the fan-out benchmark: holds many SSE connections and
 * measures, for every delivered agent row whose stateReason is a marker
 * `L<send time in ms>`, how long after sending it arrived. Driven over IPC by
 * bench/stream-fanout.ts, so its CPU is not the server's.
 */
import { request, Agent } from 'node:http';

interface Start {
  cmd: 'connect';
  url: string;
  clients: number;
  /** Authorization header values, used round-robin. */
  credentials: string[];
}

const agent = new Agent({ keepAlive: false, maxSockets: Infinity });
const latencies: number[] = [];
let snapshots = 0;
let frames = 0;
let bytes = 0;
let errors = 0;
let recording = false;
const sockets: { destroy(): void }[] = [];

const MARK = '"stateReason":"L';

function open(url: string, authorization: string): void {
  const req = request(`${url}/api/v1/stream`, { agent, headers: { authorization, accept: 'text/event-stream' } }, (res) => {
    if (res.statusCode !== 200) {
      errors++;
      res.resume();
      return;
    }
    res.setEncoding('utf8');
    let tail = '';
    let gotSnapshot = false;
    const seen = new Set<string>();
    res.on('data', (chunk: string) => {
      const now = performance.timeOrigin + performance.now();
      bytes += chunk.length;
      const text = tail + chunk;
      const cut = text.lastIndexOf('\n\n');
      tail = cut >= 0 ? text.slice(cut + 2) : text;
      if (cut < 0) return;
      const complete = text.slice(0, cut);
      if (!gotSnapshot && complete.includes('event: snapshot')) {
        gotSnapshot = true;
        snapshots++;
      }
      if (!recording) return;
      for (let i = complete.indexOf('event: delta'); i >= 0; i = complete.indexOf('event: delta', i + 1)) frames++;
      for (let i = complete.indexOf(MARK); i >= 0; i = complete.indexOf(MARK, i + 1)) {
        const start = i + MARK.length;
        const end = complete.indexOf('"', start);
        const marker = complete.slice(start, end);
        if (seen.has(marker)) continue;
        seen.add(marker);
        latencies.push(now - Number(marker));
      }
      if (seen.size > 10_000) seen.clear();
    });
    res.on('error', () => errors++);
  });
  req.on('error', () => errors++);
  req.end();
  sockets.push(req);
}

process.on('message', (msg: Start | { cmd: 'record' } | { cmd: 'report' } | { cmd: 'close' }) => {
  if (msg.cmd === 'connect') {
    let i = 0;
    // Open in slices so the server's accept queue is not flooded.
    const step = () => {
      for (let n = 0; n < 200 && i < msg.clients; n++, i++) open(msg.url, msg.credentials[i % msg.credentials.length]!);
      if (i < msg.clients) setTimeout(step, 20);
    };
    step();
    const wait = setInterval(() => {
      if (snapshots + errors >= msg.clients) {
        clearInterval(wait);
        process.send!({ cmd: 'connected', snapshots, errors });
      }
    }, 50);
  } else if (msg.cmd === 'record') {
    recording = true;
    latencies.length = 0;
    frames = 0;
    bytes = 0;
  } else if (msg.cmd === 'report') {
    process.send!({ cmd: 'report', latencies, frames, bytes, errors, snapshots });
  } else {
    for (const s of sockets) s.destroy();
    process.exit(0);
  }
});
