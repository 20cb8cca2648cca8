import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { parse } from 'csv-parse/browser/esm/sync';
import '../../widgets/wrapup-reports/define.js';
import type { FvReportChangeEvent } from '../../widgets/wrapup-reports/events.js';
import type { FvWrapupReports } from '../../widgets/wrapup-reports/wrapup-reports.js';
import { waitUntil } from '../support/wait-until.js';
import { historyCalls, HISTORY_DAY } from './support/history-calls.js';
import { startServer, type TestServer } from './support/test-server.js';

describe('<fv-wrapup-reports>', () => {
  let server: TestServer;
  let ava: string;
  let ben: string;

  before(async () => {
    server = await startServer();
    await historyCalls(server);
    [ava, ben] = [await server.login('ava'), await server.login('ben')];
  });
  after(() => server.close());

  const root = (el: FvWrapupReports) => el.shadowRoot!;
  const rows = (el: FvWrapupReports) => [...root(el).querySelectorAll<HTMLTableRowElement>('tr.report')];
  const statusOf = (row: HTMLTableRowElement) => row.querySelector('.status-cell')!.textContent!.replace(/\s+/g, ' ').trim();
  const generateButton = (el: FvWrapupReports) => root(el).querySelector<HTMLButtonElement>('[part="generate-button"]')!;
  const api = (token: string, path: string, init: RequestInit = {}) =>
    fetch(`${server.url}/api/v1${path}`, { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } });
  const clearReports = async (token: string) => {
    const { reports } = (await (await api(token, '/reports')).json()) as { reports: { id: string }[] };
    for (const r of reports) await api(token, `/reports/${r.id}`, { method: 'DELETE' });
  };
  const widget = async (token: string, lang = 'en', range = { from: HISTORY_DAY, to: HISTORY_DAY }) => {
    const el = await fixture<FvWrapupReports>(
      html`<fv-wrapup-reports api=${server.url} token=${token} lang=${lang} time-zone="UTC" range="custom" from=${range.from} to=${range.to}></fv-wrapup-reports>`,
    );
    await waitUntil(() => !generateButton(el).disabled, 'list loaded');
    return el;
  };

  /** Records the widget's requests to the reports list, passing them through. */
  function watchListRequests(): { count: () => number; restore: () => void } {
    const original = window.fetch;
    let n = 0;
    window.fetch = (input, init) => {
      const url = String(input instanceof Request ? input.url : input);
      if (/\/api\/v1\/reports$/.test(url) && (init?.method ?? 'GET') === 'GET') n++;
      return original(input, init);
    };
    return { count: () => n, restore: () => (window.fetch = original) };
  }

  /** The link the widget clicks, instead of navigating to it. */
  async function captureLink(click: () => void): Promise<{ href: string; download: string }> {
    const anchorClick = HTMLAnchorElement.prototype.click;
    let link: { href: string; download: string } | null = null;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      link = { href: this.href, download: this.download };
    };
    try {
      click();
      await waitUntil(() => link, 'the download link was clicked');
    } finally {
      HTMLAnchorElement.prototype.click = anchorClick;
    }
    return link!;
  }

  it('generates a report, shows its status live from the stream, downloads it and deletes it', async () => {
    await clearReports(ava);
    const el = await widget(ava);
    expect(root(el).querySelector('.empty')!.textContent).to.contain('No reports yet');
    const requests = watchListRequests();
    try {
      const finished = oneEvent(el, 'fv-report-change') as Promise<FvReportChangeEvent>;
      generateButton(el).click();
      await waitUntil(() => rows(el).length === 1, 'the new report is listed');
      const event = await finished;
      expect(event.report.status).to.equal('ready');
      await waitUntil(() => statusOf(rows(el)[0]!) === 'Ready', 'shown ready');
      // Queued → ready came from the stream: the list was not fetched again.
      expect(requests.count()).to.equal(0);
    } finally {
      requests.restore();
    }
    const row = rows(el)[0]!;
    expect(row.querySelector('th')!.textContent).to.not.equal('');
    expect(row.textContent).to.contain('2026-03-02');
    expect(row.textContent).to.contain('All queues and agents');

    const link = await captureLink(() => row.querySelector<HTMLButtonElement>('[part="download-button"]')!.click());
    expect(link.download).to.equal('wrapup-reasons_2026-03-02_2026-03-02.csv');
    expect(link.href).to.match(/\/csv\?ticket=/, 'a short-lived ticket, never the bearer token, in the URL');
    expect(link.href).to.not.contain(ava);
    // The link works on its own, as the browser's download would fetch it.
    const res = await fetch(link.href);
    expect(res.headers.get('content-disposition')).to.contain('attachment');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
    const records = parse(new TextDecoder().decode(bytes), { bom: true, record_delimiter: '\r\n' }) as string[][];
    expect(records).to.deep.equal([
      ['Agent name', 'Location', 'Call start (UTC)', 'Call end (UTC)', 'Call minutes', 'Wrap-up reason', 'Wrap-up minutes', 'Wrap-up start (UTC)', 'Wrap-up end (UTC)'],
      ['Wang Wei', 'Shanghai', '2026-03-02 09:00:25', '2026-03-02 09:01:50', '1.42', 'Resolved', '0.67', '2026-03-02 09:01:50', '2026-03-02 09:02:30'],
      ['Olivia Smith', 'Austin', '2026-03-02 10:00:03', '2026-03-02 10:01:03', '1.00', 'Resolved', '0.17', '2026-03-02 10:01:03', '2026-03-02 10:01:13'],
    ]);

    row.querySelector<HTMLButtonElement>('[part="delete-button"]')!.click();
    await waitUntil(() => rows(el).length === 0, 'deleted from the list');
    const left = (await (await api(ava, '/reports')).json()) as { reports: unknown[] };
    expect(left.reports).to.have.length(0);
  });

  it('says why a report failed', async () => {
    await clearReports(ava);
    const el = await widget(ava);
    // The server's store refuses the report's file, as a full disk would.
    await server.sql(`CREATE TRIGGER refuse_chunks BEFORE INSERT ON report_chunks BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    try {
      const finished = oneEvent(el, 'fv-report-change') as Promise<FvReportChangeEvent>;
      generateButton(el).click();
      const { report } = await finished;
      expect(report.status).to.equal('failed');
      expect(report.error!.code).to.equal('internal');
    } finally {
      await server.sql('DROP TRIGGER refuse_chunks');
    }
    await waitUntil(() => rows(el)[0] && statusOf(rows(el)[0]!).startsWith('Failed'), 'shown failed');
    expect(statusOf(rows(el)[0]!)).to.contain('The server could not generate this report');
    expect(rows(el)[0]!.querySelector('[part="download-button"]')).to.equal(null, 'nothing to download');
  });

  it('shows the server’s words when a report cannot be requested', async () => {
    const el = await widget(ava, 'en', { from: '2024-01-01', to: HISTORY_DAY });
    const failed = oneEvent(el, 'fv-error');
    generateButton(el).click();
    await failed;
    const notice = root(el).querySelector('[part="notice"]')!;
    expect(notice.getAttribute('role')).to.equal('alert');
    expect(notice.textContent).to.contain('The report could not be requested');
  });

  it('says so when generating a report deleted the oldest (at most 50 are kept)', async () => {
    await clearReports(ben);
    const body = JSON.stringify({ from: '2026-02-01', to: '2026-02-01', tz: 'UTC' });
    for (let i = 0; i < 50; i++) expect((await api(ben, '/reports', { method: 'POST', body })).status).to.equal(202);
    const el = await widget(ben);
    await waitUntil(() => rows(el).length === 50, 'fifty listed');
    expect(root(el).querySelector('.kept')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('50 of 50 reports kept. Generating another deletes the oldest.');
    generateButton(el).click();
    await waitUntil(() => root(el).querySelector('[part="notice"]'), 'a notice');
    const notice = root(el).querySelector('[part="notice"]')!;
    expect(notice.getAttribute('role')).to.equal('status');
    expect(notice.textContent).to.contain('Your oldest report (2026-02-01) was deleted: at most 50 are kept.');
    expect(rows(el)).to.have.length(50);
    expect(rows(el)[0]!.textContent).to.contain('2026-03-02');
    await clearReports(ben);
  });

  it('speaks Simplified Chinese', async () => {
    const el = await widget(ava, 'zh-CN');
    expect(root(el).querySelector('.title')!.textContent).to.equal('总结原因报告');
    expect(generateButton(el).textContent!.trim()).to.equal('生成报告');
  });

  it('is accessible', async () => {
    await clearReports(ava);
    const el = await widget(ava);
    generateButton(el).click();
    await waitUntil(() => rows(el)[0] && statusOf(rows(el)[0]!) === 'Ready', 'a ready report listed');
    await expect(el).to.be.accessible();
  });
});
