/** Where a widget's requests go and with which credentials. */
export interface ApiTarget {
  /** Base URL of the Floorview server, without a trailing slash. */
  api: string;
  /** A bearer token (supervisor session or display token); null: the session cookie. */
  token: string | null;
}

/** A refused or failed request, with the server's `{error: {code, message, fields?}}`; status 0 when the server was not reached. */
export class FloorviewApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: Readonly<Record<string, string>>,
  ) {
    super(message);
    this.name = 'FloorviewApiError';
  }
}

interface ErrorBody {
  error?: { code?: unknown; message?: unknown; fields?: Record<string, string> };
}

export interface ApiRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal | undefined;
}

/**
 * `fetch` for `/api/v1/…`: the bearer token when there is one, else the cookie
 * (`credentials: 'include'`, which also covers a portal on another origin the
 * server allows). Resolves with the JSON body (undefined for 204); throws
 * FloorviewApiError for anything else.
 */
export async function apiFetch<T>(target: ApiTarget, path: string, request: ApiRequest = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (target.token) headers.authorization = `Bearer ${target.token}`;
  if (request.body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(`${target.api}${path}`, {
      method: request.method ?? 'GET',
      headers,
      credentials: target.token ? 'omit' : 'include',
      ...(request.body !== undefined ? { body: JSON.stringify(request.body) } : {}),
      ...(request.signal ? { signal: request.signal } : {}),
    });
  } catch (err) {
    if (request.signal?.aborted) throw err;
    throw new FloorviewApiError(0, 'network_error', (err as Error).message);
  }
  if (res.status === 204) return undefined as T;
  const body: unknown = await res.json().catch(() => null);
  if (res.ok) return body as T;
  const error = (body as ErrorBody | null)?.error;
  throw new FloorviewApiError(
    res.status,
    typeof error?.code === 'string' ? error.code : `http_${res.status}`,
    typeof error?.message === 'string' ? error.message : `${res.status} ${res.statusText}`,
    error?.fields,
  );
}

/** The API base as given by a host: trailing slashes dropped so paths join cleanly. */
export function normalizeApi(api: string): string {
  return api.replace(/\/+$/, '');
}
