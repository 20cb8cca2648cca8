import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { freePort } from '../support/server-process.js';
import { waitUntil } from '../support/wait-until.js';
import { SIMULATED } from './e2e-run.js';

/**
 * `npm start` as a user runs it (issue 16): its prestart step compiles the server when stale,
 * and the server that answers is that JavaScript under plain node. The other suites start
 * server/main.ts through tsx, which compiles as it loads; this one proves what production runs.
 */
describe('npm start runs the compiled server', () => {
  let dir: string;
  let npm: ChildProcess;
  let url: string;
  let output = '';
  const env = (extra: Record<string, string>) => {
    // No TypeScript loader may reach the server through the environment either.
    const { NODE_OPTIONS: _, ...rest } = process.env;
    return { ...rest, ...extra };
  };

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'floorview-start-'));
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    // Its own process group: npm, its shell and the server stop together.
    npm = spawn('npm', ['start'], {
      detached: true,
      env: env({ ...SIMULATED, FLOORVIEW_DB: join(dir, 'start.db'), HOST: '127.0.0.1', PORT: String(port) }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const collect = (d: Buffer) => (output += d.toString());
    npm.stdout!.on('data', collect);
    npm.stderr!.on('data', collect);
    // A hang guard: a first start on two loaded cores builds the widgets and the server.
    await waitUntil(() => output.includes('Floorview is up') || npm.exitCode !== null, 'npm start reports the server up', { timeoutMs: 600_000, intervalMs: 200 });
    assert.ok(output.includes('Floorview is up'), `npm start ended:\n${output}`);
  });

  after(async () => {
    if (npm.exitCode === null) {
      const exited = new Promise((r) => npm.once('exit', r));
      process.kill(-npm.pid!, 'SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs dist/server/main.js with node alone', () => {
    const group = readdirSync('/proc').filter((pid) => /^\d+$/.test(pid) && groupOf(pid) === npm.pid);
    const server = group.map((pid) => ({ pid, args: readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean) })).find((p) => p.args.includes('dist/server/main.js'));
    assert.ok(server, `no process of npm start runs dist/server/main.js:\n${output}`);
    assert.deepEqual(server.args.slice(1), ['dist/server/main.js']);
    const environ = readFileSync(`/proc/${server.pid}/environ`, 'utf8');
    assert.doesNotMatch(environ, /NODE_OPTIONS=[^\0]*tsx/);
  });

  it('answers: health, the widget bundles and the API description', async () => {
    const health = await fetch(`${url}/api/v1/health`);
    assert.equal(health.status, 200);
    assert.equal(((await health.json()) as { status: string }).status, 'ok');
    const bundle = await fetch(`${url}/widgets/floorview.js`);
    assert.equal(bundle.status, 200);
    assert.match(bundle.headers.get('content-type') ?? '', /javascript/);
    const openapi = await fetch(`${url}/api/v1/openapi.json`);
    assert.equal(((await openapi.json()) as { openapi: string }).openapi.slice(0, 2), '3.');
  });

  it('runs the CLIs compiled: an online backup of its database, restored to another file', () => {
    const backup = join(dir, 'backup.db');
    const restored = join(dir, 'restored.db');
    const run = (args: string[]) => spawnSync('npm', ['run', '--silent', ...args], { env: env({}), encoding: 'utf8' });
    const b = run(['backup', '--', '--to', backup, '--db', join(dir, 'start.db')]);
    assert.equal(b.status, 0, b.stderr);
    assert.ok(existsSync(backup));
    const r = run(['restore', '--', '--from', backup, '--db', restored]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^Restored .*restored\.db from .*backup\.db/m);
  });
});

/** The process group of a process: the fifth field of /proc/<pid>/stat (after the name in parentheses). */
function groupOf(pid: string): number | null {
  try {
    return Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[2]);
  } catch {
    return null; // gone meanwhile
  }
}
