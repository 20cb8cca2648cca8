/*
 * Every table, one file per area. Instants are epoch milliseconds (integer) so range
 * scans stay numeric; durations are seconds (real), as the API reports them.
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
