/**
 * AMI event rate: how many Asterisk events a second the AMI adapter turns into a correct floor.
 * The PBX is test/support/ami-server.ts on loopback with the reference centre's agents as queue
 * members (one PJSIP interface each); it plays complete queue calls back to back as fast as the
 * socket takes them (caller joins, agent rung, answered, completed, both channels hung up, and the
 * member's device state in each of their queues: about 15 AMI events a call). The run ends when the floor is right: every call
 * ended and stored, no caller waiting, no agent on a call. Events/s = AMI events sent ÷ the time
 * from the first event written to that point.
 *
 *   node --import tsx bench/ami-event-rate.ts [--runs 3] [--calls 5000] [--agents 500] [--queues 40]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateCentre } from '../server/directory/generate-centre.js';
import { readConfig } from '../server/wiring/env.js';
import { createServices, type Services } from '../server/wiring/services.js';
import { AmiTestServer } from '../test/support/ami-server.js';
import { waitUntil } from '../test/support/wait-until.js';
import { median, printTable, saveResult } from './lib/report.js';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    calls: { type: 'string', default: '5000' },
    agents: { type: 'string', default: '500' },
    queues: { type: 'string', default: '40' },
  },
});
const runs = Number(values.runs);
const calls = Number(values.calls);

const centre = generateCentre({ agents: Number(values.agents), queues: Number(values.queues), seed: 1 });
const iface = (i: number) => `PJSIP/${1000 + i}`;
const agents = centre.agents.map((a, i) => ({ ...a, members: [iface(i)] }));
const queues: Record<string, string[]> = Object.fromEntries(centre.queues.map((q) => [q.id, [] as string[]]));
agents.forEach((a) => a.queues.forEach((q) => queues[q]!.push(a.members[0]!)));

const rows: Record<string, string | number>[] = [];
for (let run = 1; run <= runs; run++) {
  const dir = mkdtempSync(join(tmpdir(), 'floorview-bench-ami-'));
  writeFileSync(join(dir, 'centre.json'), JSON.stringify({ ...centre, agents }));
  const pbx = new AmiTestServer({ username: 'floorview', secret: 'bench-secret', queues });
  await pbx.listen();
  let services: Services | null = null;
  try {
    const load = loadavg()[0]!;
    services = await createServices(
      readConfig({ FLOORVIEW_DB: join(dir, 'bench.db'), FLOORVIEW_DIRECTORY: join(dir, 'centre.json'), FLOORVIEW_PLATFORM: 'asterisk', FLOORVIEW_AMI_URL: pbx.url }),
      { historyAfterMs: null },
    );
    const s = services;
    await waitUntil(() => s.platform.status.current.state === 'connected' && s.floor.state.agents.size === agents.length, 'connected and reconciled', { timeoutMs: 120_000 });

    // Each call goes to the next agent of its queue, round robin, so no agent takes two at once.
    const emitted = { count: 0 };
    const emit = pbx.emit.bind(pbx);
    pbx.emit = (fields) => {
      emitted.count++;
      emit(fields);
    };
    const before = s.ingest.store!.lastSeq();
    const started = performance.now();
    const queueIds = Object.keys(queues).filter((q) => queues[q]!.length > 0);
    for (let i = 0; i < calls; i++) {
      const queue = queueIds[i % queueIds.length]!;
      const members = queues[queue]!;
      const member = members[Math.floor(i / queueIds.length) % members.length]!;
      const caller = pbx.callerJoins(queue);
      const leg = pbx.agentCalled(caller, member);
      pbx.agentConnect(caller, member, leg);
      pbx.agentComplete(caller, member, leg, 'caller', queue);
      // Let the socket drain now and then, as a PBX's writes would.
      if (i % 200 === 199) await new Promise((r) => setImmediate(r));
    }
    // Floorview's events per call: queued, offered, answered, ended, wrap-up started.
    const expected = before + calls * 5;
    await waitUntil(() => s.ingest.store!.lastSeq() >= expected, () => `all events stored (${s.ingest.store!.lastSeq() - before} of ${calls * 5})`, { timeoutMs: 600_000 });
    const seconds = (performance.now() - started) / 1000;
    const floor = s.floor.state;
    const onCall = [...floor.agents.values()].filter((a) => a.contactState === 'ringing' || a.contactState === 'connected').length;
    if (floor.calls.size !== 0 || onCall !== 0) throw new Error(`the floor is not right: ${floor.calls.size} calls live, ${onCall} agents on a call`);
    rows.push({ run, 'AMI events': emitted.count, calls, seconds: seconds.toFixed(1), 'AMI events/s': Math.round(emitted.count / seconds), 'calls/s': Math.round(calls / seconds), 'floor right': 'yes', 'load at start': load.toFixed(1) });
  } finally {
    await services?.close();
    await pbx.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
rows.push({
  run: 'median',
  'AMI events': '',
  calls: '',
  seconds: '',
  'AMI events/s': median(rows.map((r) => Number(r['AMI events/s']))),
  'calls/s': median(rows.map((r) => Number(r['calls/s']))),
  'floor right': '',
  'load at start': '',
});
printTable(rows);
saveResult('ami-event-rate', rows);
