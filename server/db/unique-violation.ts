/**
 * Whether a statement failed on a primary key or unique index, whichever driver ran it: better-sqlite3
 * says `SQLITE_CONSTRAINT_PRIMARYKEY` or `SQLITE_CONSTRAINT_UNIQUE`, node-postgres and postgres.js the
 * SQLSTATE `23505`. drizzle wraps the driver's error (DrizzleQueryError), so the causes are followed.
 */
export function isUniqueViolation(error: unknown): boolean {
  for (let e = error, depth = 0; typeof e === 'object' && e !== null && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (code === '23505' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE') return true;
  }
  return false;
}
