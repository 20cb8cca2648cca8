/**
 * The PostgreSQL a benchmark runs against (issue 18): a throwaway cluster
 * (test/support/postgres-cluster.ts) with a production's durability and memory settings instead of
 * a test's, its databases, and the CPU its processes use (on SQLite the store's work is in the
 * server's process; on PostgreSQL most of it is in the cluster's).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { psql, startPostgresCluster, type PostgresCluster } from '../../test/support/postgres-cluster.js';

/**
 * Every setting that differs from PostgreSQL 15's defaults, and why; BENCHMARKS.md repeats them.
 * Durability as SQLite's FLOORVIEW_SYNCHRONOUS=full: an acknowledged commit is on disk.
 */
export const BENCH_SETTINGS: Readonly<Record<string, string>> = {
  fsync: 'on',
  synchronous_commit: 'on',
  full_page_writes: 'on',
  // A quarter of a dedicated server's memory is the usual advice; 2 GB of this 24 GB machine, which others share.
  shared_buffers: '2GB',
  // What the planner may count on the OS caching besides shared_buffers (SQLite relies on the same OS cache).
  effective_cache_size: '8GB',
  // The statistics' 90-day aggregations sort and hash more than the 4 MB default before spilling to disk.
  work_mem: '64MB',
  maintenance_work_mem: '512MB',
  // Solid-state storage: a random page read costs about a sequential one.
  random_page_cost: '1.1',
  // Checkpoints every 1 GB of WAL (the default) during a bulk load or a long ingestion run write every page twice.
  max_wal_size: '4GB',
  // Compiling a plan costs tens of milliseconds, more than it saves on queries that answer in tens of milliseconds.
  jit: 'off',
  max_connections: '100',
};

export interface BenchCluster {
  cluster: PostgresCluster;
  /** A new empty database's URL (migrated when the store opens it). */
  database(name: string): string;
  /** CPU seconds (user + system) the cluster's processes have used so far: the postmaster, its backends and the ones that ended. */
  cpuSeconds(): number;
  remove(): void;
}

export async function startBenchCluster(): Promise<BenchCluster> {
  const cluster = await startPostgresCluster(BENCH_SETTINGS);
  const postmaster = Number(readFileSync(join(cluster.dir, 'data', 'postmaster.pid'), 'utf8').split('\n')[0]);
  return {
    cluster,
    database(name) {
      psql(cluster.adminUrl, `create database ${name}`);
      const url = new URL(cluster.adminUrl);
      url.pathname = `/${name}`;
      return url.toString();
    },
    cpuSeconds() {
      // utime, stime (own), cutime, cstime (children that ended): fields 14–17 of /proc/<pid>/stat.
      const stat = (pid: number) => readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ').map(Number);
      const own = stat(postmaster);
      let ticks = own[11]! + own[12]! + own[13]! + own[14]!;
      for (const entry of readdirSync('/proc')) {
        if (!/^\d+$/.test(entry)) continue;
        try {
          const fields = stat(Number(entry));
          if (fields[1] === postmaster) ticks += fields[11]! + fields[12]!;
        } catch {
          // The process ended between the listing and the read: its time is in the postmaster's children's now.
        }
      }
      return ticks / 100;
    },
    remove: () => cluster.remove(),
  };
}
