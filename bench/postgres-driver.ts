/*
 * Which PostgreSQL driver under drizzle (issue 18): node-postgres (`pg`) and postgres.js side by
 * side on one throwaway cluster, alternating rounds: a 500-row multi-row insert of events and
 * 200 point selects by id, each through drizzle's query builder. Medians of the rounds.
 *   node --import tsx bench/postgres-driver.ts [--rounds 15]
 */
import { eq, sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzleJs } from 'drizzle-orm/postgres-js';
import postgresJs from 'postgres';
import { openPostgres } from '../server/db/postgres-client.js';
import * as schema from '../server/db/schema-pg/index.js';
import { psql, startPostgresCluster } from '../test/support/postgres-cluster.js';

const rounds = Number(process.argv[process.argv.indexOf('--rounds') + 1]) || 15;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const cluster = await startPostgresCluster();
try {
  psql(cluster.adminUrl, 'create database bench');
  const url = cluster.adminUrl.replace(/\/postgres$/, '/bench');
  const viaPg = await openPostgres(url, { pool: 4, statementTimeoutMs: 0 });
  const client = postgresJs(url, { max: 4, onnotice: () => undefined });
  const viaJs = drizzleJs(client, { schema });
  const drivers = { pg: viaPg as unknown as ReturnType<typeof drizzlePg<typeof schema>>, postgres: viaJs } as const;
  const times: Record<keyof typeof drivers, { insert: number[]; select: number[] }> = { pg: { insert: [], select: [] }, postgres: { insert: [], select: [] } };
  let n = 0;
  for (let round = 0; round < rounds; round++) {
    for (const name of round % 2 === 0 ? (['pg', 'postgres'] as const) : (['postgres', 'pg'] as const)) {
      const db = drivers[name] as typeof viaJs;
      const rows = Array.from({ length: 500 }, () => ({ id: `e-${n++}`, type: 'call_queued', at: 1_796_000_000_000 + n, queueId: 'q1', data: '{"x":1}' }));
      let t0 = performance.now();
      await db.insert(schema.events).values(rows);
      times[name].insert.push(performance.now() - t0);
      t0 = performance.now();
      for (let i = 0; i < 200; i++) await db.select().from(schema.events).where(eq(schema.events.id, rows[i]!.id));
      times[name].select.push((performance.now() - t0) / 200);
    }
  }
  const count = await viaPg.execute(sql`select count(*) as n from events`);
  console.log(`rows ${count.rows[0]!.n}, rounds ${rounds}`);
  for (const name of ['pg', 'postgres'] as const) {
    console.log(`${name.padEnd(9)} insert 500 rows median ${median(times[name].insert).toFixed(2)} ms   point select median ${(median(times[name].select) * 1000).toFixed(0)} µs`);
  }
  await client.end();
  await viaPg.$client.end();
} finally {
  cluster.remove();
}
