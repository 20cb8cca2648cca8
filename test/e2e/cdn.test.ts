import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { listenOnLoopback } from '../support/server-process.js';
import { waitUntil } from '../support/wait-until.js';
import { DEMO_INTEGRATION_KEY, type E2eRun, startRun, STEP_MS } from './e2e-run.js';

/**
 * Issue 16 point 3, in Chromium: the widgets served by a CDN, a static host on another origin than the
 * Floorview server whose API they call. `floorview.min.js` alone (no chunks folder beside it) renders
 * the live agent list and its actions; per-widget files share one Lit chunk; the server's cache headers
 * and conditional requests.
 */
describe('CDN build, in Chromium', () => {
  let run: E2eRun;
  let cdn: Server;
  let cdnOrigin: string;
  let cdnDir: string;
  let token: string;
  const AGENT = { id: 'a-001', name: '张静' };

  /**
   * The static host: the files copied to cdnDir (floorview.min.js, alone at first) and pages written for
   * this test. The pages name no icon (a data: URL), or Chromium would ask the host for /favicon.ico.
   */
  const head = (title: string) => `<!doctype html><html lang="en"><title>${title}</title><link rel="icon" href="data:,">`;
  const pages: Record<string, () => string> = {
    '/one-file.html': () => `${head('One file')}
      <script type="module" src="/floorview.min.js"></script>
      <fv-agent-list api="${run.server.url}" token="${token}" search="${AGENT.name}" style="height: 20rem"></fv-agent-list>`,
    '/chart.html': () => `${head('A chart')}
      <script type="module" src="/floorview.min.js"></script>
      <fv-queue-realtime api="${run.server.url}" token="${token}"></fv-queue-realtime>`,
    '/two-widgets.html': () => `${head('Two widgets')}
      <script type="module" src="${run.server.url}/widgets/fv-agent-list.js"></script>
      <script type="module" src="${run.server.url}/widgets/fv-queue-realtime.js"></script>
      <fv-agent-list api="${run.server.url}" token="${token}" search="${AGENT.name}" style="height: 12rem"></fv-agent-list>
      <fv-queue-realtime api="${run.server.url}" token="${token}"></fv-queue-realtime>`,
  };

  before(async () => {
    cdnDir = mkdtempSync(join(tmpdir(), 'floorview-cdn-'));
    copyFileSync('dist/widgets/floorview.min.js', join(cdnDir, 'floorview.min.js'));
    cdn = createServer((req, res) => {
      const page = pages[req.url!];
      if (page) return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page());
      const file = join(cdnDir, req.url!);
      if (req.url!.includes('..') || !existsSync(file) || !statSync(file).isFile()) return res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(readFileSync(file));
    });
    cdnOrigin = await listenOnLoopback(cdn);
    // The simulator off: the only agent signed in is the one this test signs in.
    run = await startRun('cdn', 'floorview.min.js', { FLOORVIEW_SIMULATOR: 'off', FLOORVIEW_ALLOWED_ORIGINS: cdnOrigin });
    const login = await fetch(`${run.server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@example.com', password: 'floorview-demo' }),
    });
    assert.equal(login.status, 200, await login.clone().text());
    ({ token } = (await login.json()) as { token: string });
  });

  after(async () => {
    await run?.stop();
    cdn?.close();
    rmSync(cdnDir, { recursive: true, force: true });
  });

  let eventCount = 0;
  const platformEvent = async (event: Record<string, unknown>) => {
    const res = await fetch(`${run.server.url}/api/v1/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${DEMO_INTEGRATION_KEY}` },
      body: JSON.stringify({ events: [{ id: `cdn-e2e-${++eventCount}`, at: new Date().toISOString(), agentId: AGENT.id, ...event }] }),
    });
    assert.equal(res.status, 200, await res.text());
  };

  /** Every request the page made that failed or was answered with an error, and its console errors. */
  const watch = (page: Page) => {
    const problems: string[] = [];
    page.on('requestfailed', (r) => problems.push(`${r.url()} failed: ${r.failure()?.errorText}`));
    page.on('response', (r) => r.status() >= 400 && problems.push(`${r.url()} answered ${r.status()}`));
    page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
    return problems;
  };

  /** Waits for the agent's state cell (the column after the name) to start with `state`. */
  const showsState = (page: Page, state: string) => {
    const cell = page.locator(`fv-agent-list [part~="row"][data-agent="${AGENT.id}"]`).locator(':scope > [role=cell], :scope > [role=rowheader]').nth(1);
    let seen = '';
    return waitUntil(async () => (seen = (await cell.innerText()).trim()).startsWith(state), () => `${AGENT.id} shown ${state} (shown: ${seen})`, {
      timeoutMs: STEP_MS,
      intervalMs: 250,
    });
  };

  it('renders the live agent list and its actions from floorview.min.js alone, on a page of another origin', async () => {
    const page = await run.page({ width: 1200, height: 800 });
    const problems = watch(page);
    const fromCdn: string[] = [];
    page.on('request', (r) => r.url().startsWith(cdnOrigin) && fromCdn.push(new URL(r.url()).pathname));

    await page.goto(`${cdnOrigin}/one-file.html`);
    const list = page.locator('fv-agent-list');
    await list.locator('[part=status]').getByText('Live').waitFor();
    await platformEvent({ type: 'agent.signed_in' });
    // Signed in, an agent is not yet taking calls.
    await showsState(page, 'Unavailable');
    await platformEvent({ type: 'agent.state_changed', state: 'available' });
    await showsState(page, 'Available');

    // The menu and dialogs are a lazy chunk of fv-agent-list.js; here they come from the one file.
    await list.locator(`[data-actions="${AGENT.id}"]`).click();
    await page.getByRole('menuitem', { name: 'Change state', exact: true }).click();
    await list.locator('dialog[open]').getByRole('button', { name: 'Change state' }).waitFor();

    assert.deepEqual(fromCdn, ['/one-file.html', '/floorview.min.js']);
    assert.deepEqual(problems, []);
    assert.deepEqual(run.pageErrors, []);
  });

  it('loads echarts from the charts chunk beside floorview.min.js when a chart is drawn', async () => {
    const charts = readdirSync('dist/widgets/chunks').find((f) => /^charts-[\w-]{8}\.js$/.test(f))!;
    mkdirSync(join(cdnDir, 'chunks'), { recursive: true });
    copyFileSync(join('dist/widgets/chunks', charts), join(cdnDir, 'chunks', charts));
    const page = await run.page({ width: 1200, height: 800 });
    const problems = watch(page);
    const fromCdn: string[] = [];
    page.on('request', (r) => r.url().startsWith(cdnOrigin) && fromCdn.push(new URL(r.url()).pathname));

    await page.goto(`${cdnOrigin}/chart.html`);
    await page.locator('fv-queue-realtime [part=chart] canvas').first().waitFor();

    assert.deepEqual(fromCdn, ['/chart.html', '/floorview.min.js', `/chunks/${charts}`]);
    assert.deepEqual(problems, []);
  });

  it('downloads Lit once for a page with two per-widget files', async (t) => {
    const page = await run.page({ width: 1200, height: 800 });
    const problems = watch(page);
    const fetched: string[] = [];
    page.on('request', (r) => r.url().startsWith(`${run.server.url}/widgets/`) && fetched.push(new URL(r.url()).pathname));

    await page.goto(`${cdnOrigin}/two-widgets.html`);
    // Until each widget has loaded all it loads at first use: the live list and its menu, the queues' chart.
    await page.locator('fv-queue-realtime [part=chart] canvas').first().waitFor();
    await page.locator(`fv-agent-list [data-actions="${AGENT.id}"]`).click();
    await page.getByRole('menuitem', { name: 'Change state', exact: true }).waitFor();

    assert.ok(fetched.includes('/widgets/fv-agent-list.js') && fetched.includes('/widgets/fv-queue-realtime.js'), fetched.join(' '));
    assert.equal(new Set(fetched).size, fetched.length, `each file fetched once: ${fetched.join(' ')}`);
    // lit-html registers its version on the page: a string no minifier renames, in every copy of Lit.
    const files = fetched.map((path) => ({ path, body: readFileSync(join('dist', path)) }));
    const withLit = files.filter((f) => f.body.includes('litHtmlVersions')).map((f) => f.path);
    assert.equal(withLit.length, 1, `files holding Lit: ${withLit.join(' ')}`);
    assert.match(withLit[0]!, /^\/widgets\/chunks\/lit-[\w-]{8}\.js$/);
    assert.deepEqual(problems, []);
    const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
    const bytes = files.reduce((n, f) => n + f.body.length, 0);
    const gzip = files.reduce((n, f) => n + gzipSync(f.body, { level: 9 }).length, 0);
    t.diagnostic(`two widgets fetched ${files.length} files, ${kb(bytes)} (${kb(gzip)} gzip): ${files.map((f) => `${f.path} ${f.body.length}`).join(', ')}`);
  });

  describe('cache headers', () => {
    const chunks = () => readdirSync('dist/widgets/chunks');
    const get = (path: string, headers: Record<string, string> = {}) => fetch(`${run.server.url}${path}`, { headers });

    it('names every file in chunks/ by its content hash, as the server assumes', () => {
      assert.ok(chunks().length > 0);
      for (const name of chunks()) assert.match(name, /-[\w-]{8}\.js(\.map)?$/);
    });

    it('caches content-hashed files for a year, immutable', async () => {
      for (const name of [chunks().find((f) => /^lit-.*\.js$/.test(f))!, chunks().find((f) => /^charts-.*\.js\.map$/.test(f))!]) {
        const res = await get(`/widgets/chunks/${name}`);
        assert.equal(res.status, 200, name);
        assert.equal(res.headers.get('cache-control'), 'public, max-age=31536000, immutable', name);
        await res.arrayBuffer();
      }
    });

    it('has browsers check entry names on every use, with a validator', async () => {
      for (const name of ['fv-agent-list.js', 'floorview.js', 'floorview.min.js', 'fv-agent-list.js.map']) {
        const res = await get(`/widgets/${name}`);
        assert.equal(res.status, 200, name);
        assert.equal(res.headers.get('cache-control'), 'public, no-cache', name);
        assert.match(res.headers.get('etag') ?? '', /^"[\w-]+"$/, name);
        assert.ok(res.headers.get('last-modified'), name);
        assert.equal(Number(res.headers.get('content-length')), (await res.arrayBuffer()).byteLength, name);
      }
    });

    it('answers a current copy with 304 and no body, by ETag or by date, and a stale one with the file', async () => {
      const first = await get('/widgets/fv-agent-list.js');
      const body = await first.arrayBuffer();
      const etag = first.headers.get('etag')!;
      const lastModified = first.headers.get('last-modified')!;

      for (const headers of <Record<string, string>[]>[{ 'if-none-match': etag }, { 'if-none-match': `"other", W/${etag}` }, { 'if-modified-since': lastModified }]) {
        const again = await get('/widgets/fv-agent-list.js', headers);
        assert.equal(again.status, 304, JSON.stringify(headers));
        assert.equal((await again.arrayBuffer()).byteLength, 0);
        assert.equal(again.headers.get('etag'), etag);
        assert.equal(again.headers.get('cache-control'), 'public, no-cache');
      }

      // A changed file, or a date before its last change: the whole file again. If-None-Match wins over the date.
      const older = new Date(Date.parse(lastModified) - 1000).toUTCString();
      for (const headers of <Record<string, string>[]>[{ 'if-none-match': '"changed"' }, { 'if-modified-since': older }, { 'if-none-match': '"changed"', 'if-modified-since': lastModified }]) {
        const stale = await get('/widgets/fv-agent-list.js', headers);
        assert.equal(stale.status, 200, JSON.stringify(headers));
        assert.deepEqual(Buffer.from(await stale.arrayBuffer()), Buffer.from(body));
      }
    });

    it('has Chromium check the entry files again on a second visit (304) and take the chunks from its cache', async () => {
      const page = await run.page({ width: 1200, height: 800 });
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Network.enable');
      const urls = new Map<string, string>();
      const fromCache = new Set<string>();
      const answered: { path: string; status: number }[] = [];
      cdp.on('Network.requestWillBeSent', (e) => urls.set(e.requestId, e.request.url));
      cdp.on('Network.requestServedFromCache', (e) => fromCache.add(new URL(urls.get(e.requestId)!).pathname));
      cdp.on('Network.responseReceived', (e) => {
        if (e.response.url.startsWith(`${run.server.url}/widgets/`)) answered.push({ path: new URL(e.response.url).pathname, status: e.response.status });
      });
      const visit = async () => {
        await page.goto(`${cdnOrigin}/two-widgets.html`);
        await page.locator('fv-agent-list [part=status]').getByText('Live').waitFor();
        await page.locator('fv-queue-realtime [part=chart] canvas').first().waitFor();
      };

      await visit();
      assert.ok(answered.length > 0 && answered.every((a) => a.status === 200), JSON.stringify(answered));
      answered.length = 0;
      await visit();
      const entries = answered.filter((a) => !a.path.startsWith('/widgets/chunks/'));
      const chunks = answered.filter((a) => a.path.startsWith('/widgets/chunks/'));
      assert.deepEqual(entries.map((a) => `${a.path} ${a.status}`).sort(), ['/widgets/fv-agent-list.js 304', '/widgets/fv-queue-realtime.js 304']);
      assert.ok(chunks.some((a) => /\/lit-[\w-]{8}\.js$/.test(a.path)), JSON.stringify(chunks));
      for (const chunk of chunks) assert.ok(fromCache.has(chunk.path), `${chunk.path} was fetched again`);
    });

    it('sends the cache headers to an allowed origin too, with CORS', async () => {
      const res = await get('/widgets/fv-agent-list.js', { origin: cdnOrigin });
      assert.equal(res.headers.get('access-control-allow-origin'), cdnOrigin);
      assert.equal(res.headers.get('cache-control'), 'public, no-cache');
      await res.arrayBuffer();
    });
  });
});
