/*
 * Runs server test files on PostgreSQL (npm run test:server:postgres [files…]; default every
 * server test): starts a throwaway cluster (test/support/postgres-cluster.ts), migrates a
 * template database once, and runs the files with FLOORVIEW_TEST_STORE=postgres, each test
 * server getting its own copy of the template. The cluster is removed at the end, whatever happens.
 */
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { openPostgres } from '../server/db/postgres-client.js';
import { psql, startPostgresCluster, TEMPLATE_DATABASE } from '../test/support/postgres-cluster.js';

const given = process.argv.slice(2);
const files = given.length > 0 ? given : readdirSync('test/server').filter((f) => f.endsWith('.test.ts')).map((f) => `test/server/${f}`).sort();

const cluster = await startPostgresCluster();
let status = 1;
try {
  psql(cluster.adminUrl, `create database ${TEMPLATE_DATABASE}`);
  const template = new URL(cluster.adminUrl);
  template.pathname = `/${TEMPLATE_DATABASE}`;
  await (await openPostgres(template.toString(), { pool: 1, statementTimeoutMs: 0 })).$client.end();
  const child = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', ...files], {
    stdio: 'inherit',
    env: { ...process.env, FLOORVIEW_TEST_STORE: 'postgres', FLOORVIEW_TEST_POSTGRES_URL: cluster.adminUrl },
  });
  // Ctrl-C reaches the test run too; the cluster goes once it has ended.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  status = await new Promise<number>((resolve) => child.once('exit', (code) => resolve(code ?? 1)));
} finally {
  cluster.remove();
}
process.exit(status);
