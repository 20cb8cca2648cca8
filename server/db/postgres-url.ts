/** Whether a database named on a command line (`--db`) is a PostgreSQL URL rather than a SQLite file. */
export function isPostgresUrl(db: string): boolean {
  return /^postgres(ql)?:\/\//.test(db);
}
