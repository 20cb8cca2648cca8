import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './server-process.js';

/**
 * A throwaway PostgreSQL cluster for tests and benchmarks: initdb in a temp dir, a free
 * loopback port, its socket in the same dir, durability off by default (fsync, synchronous
 * commit: a crash loses a test's data, nothing else; a benchmark passes its own settings).
 * Never the system service. initdb refuses root, so as root it runs as the `postgres` user,
 * which owns the dir.
 */
export interface PostgresCluster {
  /** The superuser's URL on database `postgres`: for creating databases and roles. */
  adminUrl: string;
  port: number;
  dir: string;
  /** Stops the server, keeping its files (a test of the database going away); `immediate` as a crash would: connections cut, no checkpoint. */
  halt(options?: { immediate?: boolean }): void;
  /** Starts it again on the same port. */
  resume(): void;
  /** Stops it and removes its files. */
  remove(): void;
}

export const PASSWORD = 'floorview-test';
/** The database each test's database is copied from, with Floorview's schema applied once (scripts/test-on-postgres.ts). */
export const TEMPLATE_DATABASE = 'floorview_template';

function binDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a)) : [];
  if (versions.length === 0) throw new Error('PostgreSQL is not installed (apt-get install postgresql; .ci/run does it)');
  return join(root, versions[0]!, 'bin');
}

/** A test's server settings: durability off, enough connections for a test run's servers. */
const TEST_SETTINGS: Readonly<Record<string, string>> = {
  fsync: 'off',
  synchronous_commit: 'off',
  full_page_writes: 'off',
  max_connections: '300',
};

/** `settings`: the server's settings (`-c name=value`), TEST_SETTINGS unless given. */
export async function startPostgresCluster(settings: Readonly<Record<string, string>> = TEST_SETTINGS): Promise<PostgresCluster> {
  const bin = binDir();
  const dir = mkdtempSync(join(tmpdir(), 'floorview-pg-'));
  const asOwner = (program: string, args: string[]) => {
    const command = process.getuid?.() === 0 ? ['runuser', '-u', 'postgres', '--', join(bin, program), ...args] : [join(bin, program), ...args];
    execFileSync(command[0]!, command.slice(1), { stdio: ['ignore', 'pipe', 'pipe'] });
  };
  const data = join(dir, 'data');
  const passwordFile = join(dir, 'password');
  writeFileSync(passwordFile, PASSWORD);
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
    chownSync(dir, uid, gid);
    chownSync(passwordFile, uid, gid);
  }
  // C collation: text sorts by code point, as SQLite's does, so both stores order names alike.
  asOwner('initdb', ['-D', data, '-U', 'postgres', `--pwfile=${passwordFile}`, '--auth=scram-sha-256', '--no-locale', '-E', 'UTF8', '--no-sync']);
  const port = await freePort();
  const options = [`-p ${port}`, `-k ${dir}`, '-c listen_addresses=127.0.0.1', ...Object.entries(settings).map(([name, value]) => `-c ${name}=${value}`)].join(' ');
  const start = () => asOwner('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-w', '-t', '120', '-o', options, 'start']);
  const stop = ({ immediate = false } = {}) => asOwner('pg_ctl', ['-D', data, '-m', immediate ? 'immediate' : 'fast', '-w', '-t', '120', 'stop']);
  start();
  return {
    adminUrl: `postgres://postgres:${PASSWORD}@127.0.0.1:${port}/postgres`,
    port,
    dir,
    halt: stop,
    resume: start,
    remove() {
      try {
        stop();
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** Runs SQL as the cluster's superuser; rows as tab-separated lines. */
export function psql(adminUrl: string, query: string): string {
  return execFileSync('psql', ['-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-d', adminUrl, '-c', query], {
    stdio: ['ignore', 'pipe', 'pipe'],
  }).toString();
}

/**
 * The URL of a database for the test server keeping its files in `key` (a data directory):
 * created from the migrated template the first time (a copy, far cheaper than migrating),
 * the same database again for the same key (a restart test reopens its store).
 */
export function testDatabaseUrl(adminUrl: string, key: string): string {
  const name = `fv_${createHash('sha256').update(key).digest('hex').slice(0, 20)}`;
  if (psql(adminUrl, `select 1 from pg_database where datname = '${name}'`).trim() === '') {
    psql(adminUrl, `create database ${name} template ${TEMPLATE_DATABASE}`);
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
