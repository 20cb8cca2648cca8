import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { parse } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import { BOM, csvRecord } from '../../common/csv.js';
import { centre, eventFactory, startHarness, type Harness } from './harness.js';
import { downloadBytes, parseCsv, readyReport } from './report-helpers.js';

/**
 * Names a directory may hold, and what a spreadsheet must show for them (formulas neutralised with a leading apostrophe).
 * Line breaks, tabs and other control characters are refused in directory names (server/plain-text.ts); the CSV
 * writer's handling of them is tested on its own below.
 */
const HOSTILE: { name: string; shown: string }[] = [
  { name: '"Quoted" O\'Brien', shown: '"Quoted" O\'Brien' },
  { name: 'Smith, John', shown: 'Smith, John' },
  { name: '=HYPERLINK("http://evil.example","Click")', shown: '\'=HYPERLINK("http://evil.example","Click")' },
  { name: '+1 555 0100', shown: "'+1 555 0100" },
  { name: '-2+3', shown: "'-2+3" },
  { name: '@SUM(A1:A9)', shown: "'@SUM(A1:A9)" },
  { name: '=1+1 @2', shown: "'=1+1 @2" },
  { name: '李娜（上海）', shown: '李娜（上海）' },
  { name: '王伟, "小王"', shown: '王伟, "小王"' },
];

const REASONS = [
  { id: 'w-formula', name: "=cmd|' /C calc'!A0", shown: "'=cmd|' /C calc'!A0" },
  { id: 'w-quoted', name: 'Follow-up, "urgent" next week', shown: 'Follow-up, "urgent" next week' },
  { id: 'w-zh', name: '已解决', shown: '已解决' },
];

const hostileCentre = {
  ...centre,
  locations: ['Austin, TX', '=1+1'],
  queues: [{ id: 'q-sales', name: 'Sales', location: 'Austin, TX', serviceLevelSeconds: 20 }],
  agents: HOSTILE.map((a, i) => ({ id: `a-${i + 1}`, name: a.name, location: i % 2 ? '=1+1' : 'Austin, TX', queues: ['q-sales'] })),
  supervisors: [{ id: 's-sam', name: 'Sam', email: 'sam@example.com', password: 'sam-password', queues: ['q-sales'] }],
  wrapupReasons: REASONS.map(({ id, name }) => ({ id, name })),
  displayTokens: [],
};

const T0 = Date.parse('2026-03-02T09:00:00Z');
const DAY = { from: '2026-03-02', to: '2026-03-02', tz: 'UTC' };

/** Each agent answers one call at minute i and wraps up with reason i mod 3. */
function calls(count: number, agents: number) {
  const ev = eventFactory(T0);
  return Array.from({ length: count }, (_, i) => {
    const callId = `c-${i}`;
    const agentId = `a-${(i % agents) + 1}`;
    const t = i * 60;
    return [
      ev('call.queued', t, { callId, queueId: 'q-sales' }),
      ev('call.offered', t + 1, { callId, agentId }),
      ev('call.answered', t + 3, { callId, agentId }),
      ev('call.ended', t + 33, { callId, by: 'caller' }),
      ev('wrapup.started', t + 33, { agentId, callId }),
      ev('wrapup.completed', t + 45, { agentId, callId, reasonId: REASONS[i % REASONS.length]!.id }),
    ];
  }).flat();
}

describe('CSV records (RFC 4180)', () => {
  it('quotes what needs quoting and neutralises every formula start, a leading tab and CR included', () => {
    const fields = ['plain', 'a,b', 'say "hi"', 'two\nlines', 'cr\rlf', '\tindented', '\rreturned', '=SUM(1)', '+1', '-1', '@x', '', '中文'];
    const text = BOM + csvRecord(fields) + csvRecord(['x', 'y']);
    const records = parseSync(text, { bom: true, record_delimiter: '\r\n', relax_column_count: true }) as string[][];
    assert.deepEqual(records, [
      ['plain', 'a,b', 'say "hi"', 'two\nlines', 'cr\rlf', "'\tindented", "'\rreturned", "'=SUM(1)", "'+1", "'-1", "'@x", '', '中文'],
      ['x', 'y'],
    ]);
    assert.ok(text.endsWith('y\r\n'));
  });
});

describe('report CSV read back by a real parser', () => {
  let h: Harness;
  let sam: Record<string, string>;

  before(async () => {
    // Small pages: the larger report below spans dozens of stored chunks.
    h = await startHarness({ centre: hostileCentre, env: { FLOORVIEW_TIME_ZONE: 'UTC', FLOORVIEW_REPORT_PAGE_ROWS: '7' } });
    await h.events(...calls(HOSTILE.length, HOSTILE.length));
    await h.listen();
    sam = await h.login('sam');
  });
  after(() => h.close());

  it('keeps quotes, commas and Chinese as they are, and neutralises formulas', async () => {
    const report = await readyReport(h, sam, DAY);
    const bytes = await downloadBytes(h, sam, report.id);
    const [head, ...rows] = parseCsv(bytes);
    assert.equal(head!.length, 9);
    assert.deepEqual(
      rows.map((r) => [r[0], r[1], r[5]]),
      HOSTILE.map((a, i) => [a.shown, i % 2 ? "'=1+1" : 'Austin, TX', REASONS[i % REASONS.length]!.shown]),
    );
    // Every cell a spreadsheet could run starts with the apostrophe.
    for (const cell of rows.flat()) assert.doesNotMatch(cell, /^[=+\-@\t\r]/, JSON.stringify(cell));
    // Records end in CRLF.
    assert.ok(bytes.toString('utf8').endsWith('\r\n'));
    assert.deepEqual(
      rows.map((r) => r.slice(2, 5).concat(r.slice(6))),
      HOSTILE.map((_, i) => {
        const t = (s: number) => new Date(T0 + (i * 60 + s) * 1000).toISOString().slice(0, 19).replace('T', ' ');
        return [t(3), t(33), '0.50', '0.20', t(33), t(45)];
      }),
    );
  });

  it('streams a report of many chunks whole, in order, the announced length and no more', async () => {
    await h.events(...calls(500, HOSTILE.length).map((e) => ({ ...e, id: `more-${e.id}`, at: new Date(Date.parse(e.at) + 86_400_000).toISOString(), ...('callId' in e ? { callId: `d2-${e.callId}` } : {}) })));
    const report = await readyReport(h, sam, { from: '2026-03-03', to: '2026-03-03', tz: 'UTC' });
    assert.equal(report.rowCount, 500);
    const res = await fetch(`${h.url}/api/v1/reports/${report.id}/csv`, { headers: sam });
    assert.equal(res.status, 200);
    // Parsed as it arrives, as a client reading a large file would.
    const records: string[][] = [];
    let received = 0;
    const body = Readable.fromWeb(res.body as import('node:stream/web').ReadableStream<Uint8Array>);
    body.on('data', (chunk: Buffer) => (received += chunk.length));
    for await (const record of body.pipe(parse({ bom: true, record_delimiter: '\r\n' }))) records.push(record as string[]);
    assert.equal(received, Number(res.headers.get('content-length')));
    assert.equal(received, report.size);
    assert.equal(records.length, 501);
    const starts = records.slice(1).map((r) => r[7]!);
    assert.deepEqual(starts, [...starts].sort(), 'oldest wrap-up first');
    assert.equal(new Set(records.slice(1).map((r) => `${r[0]}|${r[7]}`)).size, 500, 'each wrap-up once');
  });
});
