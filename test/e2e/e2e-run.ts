import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { AgentRow } from '../../contract/live.js';
import { CHROMIUM_ARGS, chromiumPath } from '../support/chromium.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';

/** How long one step may take: a limit for a hang, not a speed test (two loaded cores can take many seconds). */
export const STEP_MS = 60_000;

/**
 * How long to wait for the simulated centre itself to bring a state about (an agent on a
 * call, one idle): calls arrive around the clock, but in both sites' quiet hours a minute
 * can pass without the one a test needs. A limit for a stalled simulator, not a pace.
 */
export const SIMULATED_FLOOR_MS = 300_000;

/** The demo centre's secrets (demo/centre.json). */
export const DEMO_DISPLAY_TOKEN = 'wallboard-demo-secret-change-me';
export const DEMO_INTEGRATION_KEY = 'pbx-demo-secret-change-me';

/** The simulated demo centre with one day of history, so it starts in its working state (about 2 s); with none, agents would only begin signing in. */
export const SIMULATED = { FLOORVIEW_SIMULATOR: 'on', FLOORVIEW_SIMULATOR_BACKFILL_DAYS: '1' };

/** A real server process on a database of its own, and the system Chromium. */
export interface E2eRun {
  dir: string;
  /** The server's environment, to start it again on the same database. */
  env: Record<string, string>;
  server: ServerProcess;
  browser: Browser;
  /** Uncaught errors of the pages opened by `page()`. */
  pageErrors: string[];
  /** A page in a browser context of its own (its own cookies), each step waiting up to STEP_MS. */
  page(viewport?: { width: number; height: number }): Promise<Page>;
  stop(): Promise<void>;
}

/** Starts the run, first checking that `bundle` (in dist/widgets/) has been built; null: the pages load no bundle of the server. */
export async function startRun(name: string, bundle: string | null, env: Record<string, string>): Promise<E2eRun> {
  if (bundle) assert.ok(existsSync(`dist/widgets/${bundle}`), 'build the widgets first: npm run build');
  const dir = mkdtempSync(join(tmpdir(), `floorview-${name}-`));
  const serverEnv = { FLOORVIEW_DB: join(dir, 'e2e.db'), ...env };
  let server: ServerProcess | undefined;
  try {
    server = await startServerProcess(serverEnv);
    const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
    return run(dir, serverEnv, server, browser);
  } catch (err) {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}

function run(dir: string, env: Record<string, string>, server: ServerProcess, browser: Browser): E2eRun {
  const pageErrors: string[] = [];
  const self: E2eRun = {
    dir,
    env,
    server,
    browser,
    pageErrors,
    async page(viewport) {
      const page = await (await browser.newContext(viewport ? { viewport } : {})).newPage();
      page.setDefaultTimeout(STEP_MS);
      page.on('pageerror', (e) => pageErrors.push(e.message));
      return page;
    },
    async stop() {
      await browser.close();
      await self.server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return self;
}

/** The page's live agent rows, read from the shared streams the widgets use (none before a widget connects). */
export function liveRows(page: Page): Promise<AgentRow[]> {
  return page.evaluate(() => {
    const streams = (globalThis as unknown as Record<symbol, Map<string, { agents: Map<string, AgentRow> }>>)[Symbol.for('floorview/streams')];
    return streams ? [...streams.values()].flatMap((s) => [...s.agents.values()]) : [];
  });
}
