import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { StartupError } from '../../server/db/postgres-startup-errors.js';
import type { Store } from '../../server/db/store.js';
import { readConfig } from '../../server/wiring/env.js';
import { openStore } from '../../server/wiring/open-store.js';
import { PASSWORD, psql, startPostgresCluster, type PostgresCluster } from '../support/postgres-cluster.js';
import { freePort } from '../support/server-process.js';
import { waitUntil } from '../support/wait-until.js';
import { startHarness, type Harness } from './harness.js';

// Issue 18 point 5 on a real throwaway cluster (whatever FLOORVIEW_TEST_STORE says): what a
// start on PostgreSQL says when it cannot go on, and the health check's view of the database,
// from the store and from a running server whose PostgreSQL goes away under it.
describe('PostgreSQL operations', () => {
  let cluster: PostgresCluster;
  const urlOf = (user: string, password: string, database: string) => {
    const url = new URL(cluster.adminUrl);
    url.username = user;
    url.password = password;
    url.pathname = `/${database}`;
    return url.toString();
  };
  const open = (url: string, env: Record<string, string> = {}) => openStore(readConfig({ FLOORVIEW_DATABASE_URL: url, ...env }));

  before(async () => {
    cluster = await startPostgresCluster();
    psql(cluster.adminUrl, 'create database floorview');
    // A role that may connect but not create: what a DBA's read-write role often is.
    psql(cluster.adminUrl, `create role clerk login password 'clerk-secret'`);
    psql(cluster.adminUrl, 'create database clerkless');
  });
  after(() => cluster.remove());

  it('says the database cannot be reached when nothing listens on the port', async () => {
    const url = new URL(cluster.adminUrl);
    url.port = String(await freePort());
    const error = await open(url.toString()).then(() => null, (e: unknown) => e);
    assert.ok(error instanceof StartupError, String(error));
    assert.match(error.message, /^Cannot reach PostgreSQL at 127\.0\.0\.1:\d+ .*Check that the server is running/);
  });

  it('says the credentials were refused, naming the user and not the password', async () => {
    const error = await open(urlOf('postgres', 'not-the-password', 'floorview')).then(() => null, (e: unknown) => e);
    assert.ok(error instanceof StartupError, String(error));
    assert.match(error.message, /refused user "postgres".*Check the user name and password in FLOORVIEW_DATABASE_URL/);
    assert.doesNotMatch(error.message, /not-the-password/);
  });

  it('says which rights are missing when the user may not create the schema', async () => {
    const error = await open(urlOf('clerk', 'clerk-secret', 'clerkless')).then(() => null, (e: unknown) => e);
    assert.ok(error instanceof StartupError, String(error));
    assert.match(error.message, /^User "clerk" may not create Floorview's tables in database "clerkless".*ALTER DATABASE clerkless OWNER TO clerk/);
  });

  it('prints one paragraph and exits 1 at start, not a stack trace', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: { ...process.env, PORT: '0', FLOORVIEW_DATABASE_URL: urlOf('postgres', 'wrong', 'floorview') },
      encoding: 'utf8',
    });
    assert.equal(result.status, 1, result.stderr);
    assert.match(result.stderr, /^PostgreSQL at 127\.0\.0\.1:\d+ refused user "postgres" \(.*\)\. Check the user name and password in FLOORVIEW_DATABASE_URL\.\n$/);
  });

  it('names the pool and timeout settings that are out of range, with the URL that is not PostgreSQL', () => {
    assert.throws(
      () => readConfig({ FLOORVIEW_DATABASE_URL: 'mysql://x@y/z', FLOORVIEW_DATABASE_POOL: '0', FLOORVIEW_DATABASE_STATEMENT_TIMEOUT_MS: '-1' }),
      (e: Error) =>
        /FLOORVIEW_DATABASE_URL: must be postgres:\/\//.test(e.message) &&
        /FLOORVIEW_DATABASE_POOL/.test(e.message) &&
        /FLOORVIEW_DATABASE_STATEMENT_TIMEOUT_MS/.test(e.message),
    );
  });

  describe('a started store', () => {
    let store: Store;
    before(async () => {
      store = await open(urlOf('postgres', 'floorview-test', 'floorview'), { FLOORVIEW_DATABASE_POOL: '2', FLOORVIEW_DATABASE_STATEMENT_TIMEOUT_MS: '300' });
    });
    after(() => store.close());

    it('cancels a statement that runs past the statement timeout', async () => {
      await assert.rejects(store.run(sql`select pg_sleep(5)`), (e: Error) => /statement timeout/.test(String((e.cause as Error | undefined)?.message)));
      assert.deepEqual(await store.get(sql`select 1 as one`), { one: 1 });
    });

    it('reports the database down while the cluster is stopped, and up again once it is back', async () => {
      assert.equal(await store.ping(2_000), true);
      cluster.halt();
      try {
        assert.equal(await store.ping(2_000), false);
      } finally {
        cluster.resume();
      }
      assert.equal(await store.ping(5_000), true);
    });
  });

  describe('a running server', () => {
    let h: Harness;
    const health = async () => {
      const res = await fetch(`${h.url}/api/v1/health`);
      return { code: res.status, body: (await res.json()) as { status: string; database: object } };
    };
    before(async () => {
      psql(cluster.adminUrl, 'create database served');
      h = await startHarness({ env: { FLOORVIEW_DATABASE_URL: urlOf('postgres', PASSWORD, 'served') } });
      await h.listen();
    });
    after(() => h.close());

    it('answers /health with 503 naming the database while PostgreSQL is down, and 200 again by itself once it is back', async () => {
      const up = await health();
      assert.deepEqual([up.code, up.body.status, up.body.database], [200, 'ok', { store: 'postgres', state: 'up' }]);
      cluster.halt({ immediate: true });
      try {
        const down = await health();
        assert.equal(down.code, 503);
        assert.equal(down.body.status, 'unavailable');
        assert.deepEqual(down.body.database, { store: 'postgres', state: 'down', problem: 'PostgreSQL does not answer within 2 s' });
      } finally {
        cluster.resume();
      }
      await waitUntil(async () => (await health()).code === 200, 'healthy again without a restart');
      assert.deepEqual((await health()).body.database, { store: 'postgres', state: 'up' });
      // Not only the ping: a sign-in writes its session again.
      await h.login('ava');
    });
  });
});
