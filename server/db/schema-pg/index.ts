/*
 * The PostgreSQL mirror of server/db/schema: every table, column and index under the same
 * names, every column with the same JavaScript type (test/server/schema-pg.test.ts holds
 * them together), so shared code typed with the SQLite schema reads and writes both.
 * Instants, seqs and millisecond counters are int8 read as numbers (epoch milliseconds
 * outgrow int4); counts, days and months int4; seconds float8; JSON columns jsonb.
 */
export * from './directory.js';
export * from './auth.js';
export * from './events.js';
export * from './facts.js';
export * from './rollups.js';
export * from './agent-time.js';
export * from './audit.js';
export * from './chat.js';
export * from './reports.js';
export * from './alerts.js';
export * from './directory-changes.js';
