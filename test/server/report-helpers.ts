import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import type { Report, ReportCreated } from '../../contract/reports.js';
import { waitUntil, WAIT_MS } from '../support/wait-until.js';

/** Anything that answers `GET` and `POST` like the harness (in-process app, or fetch against a server process). */
export interface Client {
  get(path: string, headers?: Record<string, string>): Promise<Response>;
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<Response>;
}

export async function createReport(c: Client, who: Record<string, string>, body: object): Promise<ReportCreated> {
  const res = await c.post('/api/v1/reports', body, who);
  const json = (await res.json()) as ReportCreated;
  assert.equal(res.status, 202, JSON.stringify(json));
  return json;
}

export async function getReport(c: Client, who: Record<string, string>, id: string): Promise<Report> {
  const res = await c.get(`/api/v1/reports/${id}`, who);
  const report = (await res.json()) as Report;
  assert.equal(res.status, 200, JSON.stringify(report));
  return report;
}

/** Polls the report until `done` holds, and returns it (generation is asynchronous by design). */
export async function reportWhen(c: Client, who: Record<string, string>, id: string, done: (r: Report) => boolean, timeoutMs = WAIT_MS): Promise<Report> {
  let last: Report | undefined;
  return waitUntil(
    async () => done((last = await getReport(c, who, id))) && last,
    () => `report ${id} to move on from ${JSON.stringify(last)}`,
    { timeoutMs },
  );
}

/** Polls until the report is ready or failed. */
export function settled(c: Client, who: Record<string, string>, id: string, timeoutMs?: number): Promise<Report> {
  return reportWhen(c, who, id, (r) => r.status === 'ready' || r.status === 'failed', timeoutMs);
}

/** Generates a report and waits until it is ready. */
export async function readyReport(c: Client, who: Record<string, string>, body: object): Promise<Report> {
  const { report } = await createReport(c, who, body);
  const done = await settled(c, who, report.id);
  assert.equal(done.status, 'ready', JSON.stringify(done.error));
  return done;
}

export async function downloadBytes(c: Client, who: Record<string, string>, id: string): Promise<Buffer> {
  const res = await c.get(`/api/v1/reports/${id}/csv`, who);
  assert.equal(res.status, 200, res.status === 200 ? '' : await res.text());
  assert.match(res.headers.get('content-type') ?? '', /^text\/csv; charset=utf-8/);
  const bytes = Buffer.from(await res.arrayBuffer());
  assert.equal(res.headers.get('content-length'), String(bytes.length));
  return bytes;
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** The CSV's records as a real parser reads them (RFC 4180, strict column count), after checking the byte-order mark. */
export function parseCsv(bytes: Buffer): string[][] {
  assert.deepEqual(bytes.subarray(0, 3), BOM, 'starts with the UTF-8 byte-order mark');
  return parse(bytes, { bom: true, relax_column_count: false, record_delimiter: '\r\n' }) as string[][];
}

export async function downloadRecords(c: Client, who: Record<string, string>, id: string): Promise<string[][]> {
  return parseCsv(await downloadBytes(c, who, id));
}
