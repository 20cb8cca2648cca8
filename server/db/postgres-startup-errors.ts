/** What stops Floorview from starting on PostgreSQL, said as what to fix: main.ts prints the message, not a stack. */
export class StartupError extends Error {
  override name = 'StartupError';
}

/** The driver's error code (SQLSTATE or a system error), wherever drizzle wrapped it. */
function codeOf(error: unknown): string | undefined {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (typeof e.code === 'string') return e.code;
  }
  return undefined;
}

function messageOf(error: unknown): string {
  let e = error as { message?: string; cause?: unknown };
  while (e.cause && typeof e.cause === 'object') e = e.cause as typeof e;
  return e.message ?? String(error);
}

const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET']);

export function startupError(url: string, error: unknown): StartupError {
  const { username, hostname, port, pathname } = new URL(url);
  const where = `PostgreSQL at ${hostname}:${port || 5432}`;
  const database = decodeURIComponent(pathname.slice(1)) || username;
  const user = decodeURIComponent(username);
  const code = codeOf(error);
  const cause = messageOf(error);
  if ((code && UNREACHABLE.has(code)) || /timeout/i.test(cause)) {
    return new StartupError(
      `Cannot reach ${where} (${cause}). Check that the server is running and accepts connections from this host, and the host and port in FLOORVIEW_DATABASE_URL.`,
    );
  }
  if (code === '28P01' || code === '28000') {
    return new StartupError(`${where} refused user "${user}" (${cause}). Check the user name and password in FLOORVIEW_DATABASE_URL.`);
  }
  if (code === '3D000') {
    return new StartupError(`${where} has no database "${database}". Create it (createdb -O ${user} ${database}) or name another in FLOORVIEW_DATABASE_URL.`);
  }
  if (code === '42501') {
    return new StartupError(
      `User "${user}" may not create Floorview's tables in database "${database}" on ${where} (${cause}). Floorview creates and updates its schema at start: make the user the database's owner (ALTER DATABASE ${database} OWNER TO ${user}), or grant it CREATE on the database and on schema public.`,
    );
  }
  return new StartupError(`${where} could not be prepared for Floorview (${code ? `${code}: ` : ''}${cause}).`);
}
