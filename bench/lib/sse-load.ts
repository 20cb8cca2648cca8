/**
 * The load process of the fan-out benchmarks: holds many SSE connections and measures,
 * for every send-time marker (send-time-marker.ts) a client receives, how long after
 * sending it arrived. Driven over IPC (load-process.ts), so its CPU is not the server's.
 */
import { request, Agent } from 'node:http';
import type { Socket } from 'node:net';
import { MARKER_START, sentAtOf } from './send-time-marker.js';
import { percentile } from './report.js';
import type { LoadCommand, LoadReport, SseTarget } from './load-process.js';

const agent = new Agent({ keepAlive: false, maxSockets: Infinity });
let latencies: number[] = [];
let ready = 0;
let messages = 0;
let errors = 0;
let recording = false;
let cpuAtRecord = process.cpuUsage();
const sockets: Socket[] = [];
const MARK = Buffer.from(MARKER_START);
const DATA = Buffer.from('data:');
const QUOTE = 0x22;
const bytesAtRecord = new Map<Socket, number>();
/** Per connected client, the markers it received since `record`. */
const received: { count: number }[] = [];

function open(target: SseTarget, readyOn: 'response' | 'snapshot'): void {
  const req = request(target.url, { agent, headers: { ...target.headers, accept: 'text/event-stream' } }, (res) => {
    if (res.statusCode !== 200) {
      errors++;
      res.resume();
      return;
    }
    if (readyOn === 'response') ready++;
    const mine = { count: 0 };
    received.push(mine);
    let gotSnapshot = readyOn === 'response';
    let head = '';
    // What of the last chunk may be the start of a marker whose end is still to come.
    let tail: Buffer | null = null;
    // A marker is counted once per client: a resumed or repeated row is not a second delivery.
    const seen = new Set<string>();
    res.on('data', (chunk: Buffer) => {
      const now = performance.timeOrigin + performance.now();
      if (!gotSnapshot) {
        head += chunk.toString('latin1');
        if (!head.includes('event: snapshot')) return;
        gotSnapshot = true;
        head = '';
        ready++;
      }
      if (!recording) return;
      // Bytes, not text: the markers and SSE field names are ASCII, and at tens of thousands of
      // deliveries a second decoding every chunk would make the load process the bottleneck.
      const buf = tail ? Buffer.concat([tail, chunk]) : chunk;
      tail = null;
      for (let i = buf.indexOf(DATA); i >= 0; i = buf.indexOf(DATA, i + DATA.length)) messages++;
      for (let i = buf.indexOf(MARK); i >= 0; i = buf.indexOf(MARK, i + 1)) {
        const end = buf.indexOf(QUOTE, i + MARK.length);
        if (end < 0) {
          tail = buf.subarray(i);
          break;
        }
        const marker = buf.toString('latin1', i + MARK.length, end);
        if (seen.has(marker)) continue;
        seen.add(marker);
        mine.count++;
        latencies.push(now - sentAtOf(marker));
      }
      // A marker's opening quote may end the chunk, its `@` start the next one.
      if (!tail && buf[buf.length - 1] === QUOTE) tail = buf.subarray(buf.length - 1);
      if (seen.size > 10_000) seen.clear();
    });
    res.on('error', () => errors++);
  });
  req.on('socket', (s) => sockets.push(s));
  req.on('error', () => errors++);
  req.end();
}

function report(): LoadReport {
  const sorted = latencies.sort((a, b) => a - b);
  const cpu = process.cpuUsage(cpuAtRecord);
  let bytes = 0;
  for (const s of sockets) bytes += s.bytesRead - (bytesAtRecord.get(s) ?? 0);
  return {
    cmd: 'report',
    deliveries: sorted.length,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.length > 0 ? sorted[sorted.length - 1]! : NaN,
    messages,
    bytes,
    errors,
    ready,
    silent: received.filter((r) => r.count === 0).length,
    loadCpuSeconds: (cpu.user + cpu.system) / 1e6,
  };
}

// The bench that drives it has gone (stopped, crashed): end with it rather than hold its connections.
process.on('disconnect', () => process.exit(0));

process.on('message', (msg: LoadCommand) => {
  if (msg.cmd === 'connect') {
    let i = 0;
    // Open in slices so the server's accept queue is not flooded.
    const step = () => {
      for (let n = 0; n < 200 && i < msg.clients; n++, i++) open(msg.targets[i % msg.targets.length]!, msg.readyOn);
      if (i < msg.clients) setTimeout(step, 20);
    };
    step();
    const deadline = Date.now() + msg.timeoutMs;
    const wait = setInterval(() => {
      if (ready + errors >= msg.clients || Date.now() > deadline) {
        clearInterval(wait);
        process.send!({ cmd: 'connected', ready, errors });
      }
    }, 50);
  } else if (msg.cmd === 'record') {
    recording = true;
    latencies = [];
    messages = 0;
    for (const r of received) r.count = 0;
    cpuAtRecord = process.cpuUsage();
    for (const s of sockets) bytesAtRecord.set(s, s.bytesRead);
    process.send!({ cmd: 'recording' });
  } else if (msg.cmd === 'report') {
    process.send!(report());
  } else {
    for (const s of sockets) s.destroy();
    process.exit(0);
  }
});
