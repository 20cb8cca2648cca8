import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { scopeOf } from '../../server/auth/principal.js';
import type { Store } from '../../server/db/store.js';
import { Directory } from '../../server/directory/directory.js';
import { importDirectoryFile } from '../../server/directory/directory-import.js';
import { ReportService, type ReportOwner } from '../../server/reports/report-service.js';
import type { Report } from '../../contract/reports.js';
import type { ReportInput } from '../../server/reports/report-request.js';
import { openStore } from '../../server/wiring/open-store.js';
import { psql, startPostgresCluster, type PostgresCluster } from '../support/postgres-cluster.js';
import { centre } from './harness.js';
import { parseCsv } from './report-helpers.js';

const T0 = Date.parse('2026-03-02T00:30:00Z');
const AGENTS = ['a-1', 'a-2', 'a-3', 'a-4'];
/** Call ids that sort differently by code point and by a language's rules: SQLite orders by bytes, so must PostgreSQL. */
const CALL_IDS = ['c-10', 'C-2', 'c-2', 'c-a', 'c-B', 'é-1', 'e-1', '呼叫-1', 'c_1', 'c-1'];
/** Seconds whose minutes round at the second decimal, and a float sum: the stores must hand back the same double. */
const WRAPUP_SECONDS = [85.005, 0.1 + 0.2, 59.99999, 30, 119.7, 0.3];

/**
 * The same wrap-ups and handlings on both stores: many share their start instant (so page
 * boundaries fall between ties), some follow an unanswered or no handling (blank call
 * columns), some have no queue (outbound), some are unfinished (not counted); across 2 March
 * in UTC, so zones and time-of-day windows cut them differently.
 */
function facts() {
  const wrapups: Record<string, unknown>[] = [];
  const handlings: Record<string, unknown>[] = [];
  for (let i = 0; i < 240; i++) {
    const startedAt = T0 + Math.floor(i / 6) * 1_800_000 + (i % 3) * 1000;
    const callId = `${CALL_IDS[i % CALL_IDS.length]}-${Math.floor(i / CALL_IDS.length)}`;
    const agentId = AGENTS[i % AGENTS.length]!;
    const queueId = i % 9 === 0 ? null : agentId === 'a-3' ? 'q-support' : 'q-sales';
    const answered = i % 5 !== 0;
    const handling = i % 11 === 0 ? 0 : 1 + (i % 2);
    if (handling > 0) {
      handlings.push({
        callId,
        handling,
        agentId,
        queueId,
        direction: queueId === null ? 'outbound' : 'inbound',
        offeredAt: startedAt - 200_000,
        answeredAt: answered ? startedAt - 190_000 + i : null,
        endedAt: answered ? startedAt : null,
        result: answered ? 'answered' : 'bounced',
        connectedTime: answered ? 190 - i / 1000 : null,
      });
    }
    const done = i % 13 !== 0;
    const seconds = WRAPUP_SECONDS[i % WRAPUP_SECONDS.length]!;
    wrapups.push({
      callId,
      handling,
      agentId,
      queueId,
      startedAt,
      completedAt: done ? startedAt + Math.round(seconds * 1000) : null,
      reasonId: done ? (i % 2 ? 'w-resolved' : 'w-followup') : null,
      wrapupTime: done ? seconds : null,
    });
  }
  return { wrapups, handlings };
}

const hostileCentre = {
  ...centre,
  agents: centre.agents.map((a) => (a.id === 'a-2' ? { ...a, name: '=HYPERLINK("x"), "Wang"' } : a)),
  wrapupReasons: [
    { id: 'w-resolved', name: 'Resolved', names: { 'zh-CN': '问题已解决' } },
    { id: 'w-followup', name: 'Follow-up, "urgent"' },
  ],
};

const REQUESTS: ReportInput[] = [
  { from: '2026-03-02', to: '2026-03-02', tz: 'UTC' },
  { from: '2026-03-02', to: '2026-03-03', tz: 'Asia/Shanghai', timeFrom: '09:00', timeTo: '17:30', lang: 'zh-CN' },
  { from: '2026-03-01', to: '2026-03-02', tz: 'America/Chicago', queue: ['q-sales'] },
  { from: '2026-03-02', to: '2026-03-02', tz: 'UTC', agent: ['a-2', 'a-4'] },
];

/** Generates a report through the report service, as the server does, in pages of 7 rows, and downloads it. */
async function generate(store: Store, input: ReportInput): Promise<{ report: Report; csv: Buffer }> {
  const directory = await Directory.load(store);
  const sam = directory.supervisors.get('s-sam')!;
  const owner: ReportOwner = { id: sam.id, scope: scopeOf(sam.queues) };
  let settled!: (r: Report) => void;
  const done = new Promise<Report>((resolve) => (settled = resolve));
  const service = new ReportService(store, { upToDate: async () => {} }, directory, 'UTC', (item) => {
    if (item.channel === 'reports' && (item.data.status === 'ready' || item.data.status === 'failed')) settled(item.data);
  }, Date.now, { pageRows: 7 });
  service.start();
  try {
    await service.create(owner, input);
    const report = await done;
    assert.equal(report.status, 'ready', JSON.stringify(report.error));
    const { body } = await service.csv(owner.id, report.id);
    const chunks: Uint8Array[] = [];
    for await (const chunk of body) chunks.push(chunk);
    return { report, csv: Buffer.concat(chunks) };
  } finally {
    await service.stop();
  }
}

describe('a report on SQLite and on PostgreSQL', () => {
  const dir = mkdtempSync(join(tmpdir(), 'floorview-reports-both-'));
  let cluster: PostgresCluster;
  let stores: [sqlite: Store, postgres: Store];

  before(async () => {
    cluster = await startPostgresCluster();
    // A language's collation (ICU), as a real deployment may have: the report must not follow it.
    psql(cluster.adminUrl, "create database reports_both template template0 locale_provider icu icu_locale 'en-US'");
    const url = new URL(cluster.adminUrl);
    url.pathname = '/reports_both';
    const directoryFile = join(dir, 'centre.json');
    writeFileSync(directoryFile, JSON.stringify(hostileCentre));
    const settings = { FLOORVIEW_SYNCHRONOUS: 'normal', FLOORVIEW_DATABASE_POOL: 4, FLOORVIEW_DATABASE_STATEMENT_TIMEOUT_MS: 0 } as const;
    stores = [
      await openStore({ ...settings, FLOORVIEW_DB: join(dir, 'floorview.db'), FLOORVIEW_DATABASE_URL: undefined }),
      await openStore({ ...settings, FLOORVIEW_DB: join(dir, 'unused.db'), FLOORVIEW_DATABASE_URL: url.toString() }),
    ];
    const { wrapups, handlings } = facts();
    for (const store of stores) {
      await importDirectoryFile(store, directoryFile, Date.now);
      await store.transaction(async (tx) => {
        await tx.db.insert(tx.tables.handlings).values(handlings as never);
        await tx.db.insert(tx.tables.wrapups).values(wrapups as never);
      });
    }
  });
  after(async () => {
    for (const store of stores ?? []) await store.close();
    cluster?.remove();
    rmSync(dir, { recursive: true, force: true });
  });

  for (const input of REQUESTS) {
    it(`writes the same CSV, byte for byte, for ${JSON.stringify(input)}`, async () => {
      const [sqlite, postgres] = await Promise.all([generate(stores[0], input), generate(stores[1], input)]);
      const rows = parseCsv(sqlite.csv).length - 1;
      assert.ok(rows > 7, `${rows} rows: several pages`);
      assert.equal(sqlite.report.rowCount, rows);
      assert.equal(postgres.report.rowCount, rows);
      const [a, b] = [sqlite.csv.toString(), postgres.csv.toString()];
      const firstDifference = a.split('\r\n').findIndex((line, i) => line !== b.split('\r\n')[i]);
      assert.equal(firstDifference, -1, `line ${firstDifference}: ${a.split('\r\n')[firstDifference]} ≠ ${b.split('\r\n')[firstDifference]}`);
      assert.ok(sqlite.csv.equals(postgres.csv), 'the same bytes');
    });
  }
});
