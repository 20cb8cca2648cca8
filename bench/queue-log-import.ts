/**
 * queue_log import rate and memory (issue 11): lines per second and the importer's peak RSS
 * on a generated queue_log, into a new SQLite file through the whole ingestion path (validation,
 * event log, live floor, call facts and rollups), as `npm run import:queue-log` runs it.
 *
 *   node --import tsx bench/queue-log-import.ts [--lines 10000000] [--agents 200] [--queues 20]
 *
 * The log is a FreePBX's: members `Local/NNNN@from-queue/n`, a call every 3 s of log time lasting
 * up to 10 minutes (so calls overlap and the file is out of time order by minutes), 75 % answered
 * (a fifth after a ring-no-answer), 15 % abandoned, the rest timed out, and a pause and unpause now
 * and then. Peak RSS is the largest VmRSS the child showed, polled every 100 ms.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { printTable, saveResult } from './lib/report.js';

const { values } = parseArgs({
  options: {
    lines: { type: 'string', default: '10000000' },
    agents: { type: 'string', default: '200' },
    queues: { type: 'string', default: '20' },
  },
});
const LINES = Number(values.lines);
const AGENTS = Number(values.agents);
const QUEUES = Number(values.queues);

const dir = mkdtempSync(join(tmpdir(), 'floorview-bench-queue-log-'));
const log = join(dir, 'queue_log');
const queue = (i: number) => `q${i % QUEUES}`;
const member = (i: number) => `Local/${1000 + (i % AGENTS)}@from-queue/n`;
writeFileSync(
  join(dir, 'centre.json'),
  JSON.stringify({
    queues: Array.from({ length: QUEUES }, (_, i) => ({ id: queue(i), name: `Queue ${i}` })),
    agents: Array.from({ length: AGENTS }, (_, i) => ({
      id: `a-${1000 + i}`,
      name: `Agent ${1000 + i}`,
      members: [member(i)],
      queues: Array.from({ length: QUEUES }, (_, q) => queue(q)),
    })),
  }),
);

/** Deterministic, so runs compare: a small LCG. */
let seed = 42;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);

async function generate(): Promise<number> {
  const out = createWriteStream(log);
  // A call every 3 s makes about three lines: the log spans about a second a line (2 s allowed), and ends
  // before now, since ingestion refuses events from the future (a fixed 60 days back put half of 10 M lines there).
  const start = Math.floor(Date.now() / 1000) - 2 * LINES;
  let lines = 0;
  let chunk = '';
  const line = (t: number, call: string, q: string, m: string, event: string, ...data: (string | number)[]) => {
    chunk += `${t}|${call}|${q}|${m}|${event}|${data.join('|')}\n`;
    lines++;
  };
  for (let c = 0; lines < LINES; c++) {
    const t = start + c * 3;
    const call = `${t}.${c}`;
    const q = queue(c);
    const agent = Math.floor(random() * AGENTS);
    line(t, call, q, 'NONE', 'ENTERQUEUE', '', `555${c % 10_000}`, 1);
    const r = random();
    const wait = 2 + Math.floor(random() * 40);
    if (r < 0.75) {
      if (r < 0.15) line(t + wait - 1, call, q, member(agent + 1), 'RINGNOANSWER', 15_000);
      line(t + wait, call, q, member(agent), 'CONNECT', wait, `${t + wait}.${c}b`, 3);
      const talk = 30 + Math.floor(random() * 500);
      line(t + wait + talk, call, q, member(agent), r < 0.4 ? 'COMPLETEAGENT' : 'COMPLETECALLER', wait, talk, 1);
    } else if (r < 0.9) line(t + wait, call, q, 'NONE', 'ABANDON', 1, 1, wait);
    else line(t + 300, call, q, 'NONE', 'EXITWITHTIMEOUT', 1, 1, 300);
    if (c % 50 === 0) {
      line(t + 1, 'NONE', q, member(agent + 7), 'PAUSE', 'Break');
      line(t + 2, 'NONE', q, member(agent + 7), 'UNPAUSE', '');
    }
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
      chunk = '';
    }
  }
  out.end(chunk);
  await new Promise<void>((r) => out.once('finish', () => r()));
  return lines;
}

const t0 = performance.now();
const lines = await generate();
console.log(`generated ${lines.toLocaleString('en')} lines (${(statSync(log).size / 2 ** 20).toFixed(0)} MB) in ${((performance.now() - t0) / 1000).toFixed(0)} s`);

const child = spawn(process.execPath, ['--import', 'tsx', 'server/wiring/queue-log-cli.ts', '--file', log], {
  env: { ...process.env, FLOORVIEW_DB: join(dir, 'floorview.db'), FLOORVIEW_DIRECTORY: join(dir, 'centre.json') },
  stdio: ['ignore', 'pipe', 'inherit'],
});
let out = '';
child.stdout.on('data', (d: Buffer) => (out += d.toString()));
let peak = 0;
const poll = setInterval(() => {
  try {
    peak = Math.max(peak, Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))![1]) * 1024);
  } catch {
    // Exited between polls.
  }
}, 100);
const started = performance.now();
const code = await new Promise<number | null>((r) => child.once('exit', r));
clearInterval(poll);
const seconds = (performance.now() - started) / 1000;
if (code !== 0) throw new Error(`the import failed (${code}):\n${out}`);
const figure = (label: string) => Number(new RegExp(`^${label} +(\\d+)`, 'm').exec(out)![1]);

const result = {
  lines,
  fileMB: Math.round(statSync(log).size / 2 ** 20),
  seconds: Math.round(seconds),
  linesPerSecond: Math.round(lines / seconds),
  eventsWritten: figure('events written'),
  eventsPerSecond: Math.round(figure('events written') / seconds),
  calls: figure('calls'),
  peakRssMB: Math.round(peak / 2 ** 20),
  skipped: figure('lines skipped'),
};
printTable([result]);
// A skipped line means the generated log is wrong, and the rate no longer that of an import: show why.
if (result.skipped > 0) console.log(out);
saveResult('queue-log-import', result);
rmSync(dir, { recursive: true, force: true });
