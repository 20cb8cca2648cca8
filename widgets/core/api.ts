import type { RouteName, RouteRequest, RouteResponse } from '../../contract/routes.js';
import { providerState, type TokenProvider } from './token-provider.js';

/** Where a widget's requests go and with which credentials. */
export interface ApiTarget {
  /** Base URL of the Floorview server, without a trailing slash. */
  api: string;
  /** A bearer token (supervisor session or display token); null: the session cookie (unless `tokenProvider`). */
  token: string | null;
  /** The host's `tokenProvider`: when present, its tokens are sent (`token` first, when it is also set). */
  tokenProvider?: TokenProvider | undefined;
}

/** The requests carry a bearer token (a fixed one or the provider's), not the session cookie. */
export function hasBearer(target: ApiTarget): boolean {
  return Boolean(target.tokenProvider ?? target.token);
}

/** Names the credentials in keys (the page's streams, what a widget loaded for whom): a provider keeps its key across refreshes. */
export function credentialKey(target: ApiTarget): string {
  return target.tokenProvider ? providerState(target.tokenProvider).key : (target.token ?? '');
}

/**
 * A refused or failed request, with the server's `{error: {code, message, fields?}}`; status 0 when
 * the server was not reached; 401 `token_unavailable` when the host's `tokenProvider` gave no token.
 */
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

/** Whatever a call threw, as a FloorviewApiError: anything else means the server was not reached (status 0). */
export const asApiError = (err: unknown) => (err instanceof FloorviewApiError ? err : new FloorviewApiError(0, 'network_error', String(err)));

interface ErrorBody {
  error?: { code?: unknown; message?: unknown; fields?: Record<string, string> };
}

type CallRequest<R extends RouteName> = RouteRequest<R> & { signal?: AbortSignal | undefined };
/** The request may be left out when the route needs nothing. */
type CallArgs<R extends RouteName> = object extends CallRequest<R> ? [request?: CallRequest<R>] : [request: CallRequest<R>];

interface AnyRequest {
  params?: Record<string, string>;
  query?: object;
  body?: unknown;
  signal?: AbortSignal | undefined;
}

/**
 * A route's address: `METHOD /path` below the API base, the `{name}`s of its path filled in, the
 * query's defined values appended (through JSON, which drops the undefined ones; a list joined
 * by commas, as the API reads it). For what is not fetched: the stream, a download link.
 */
export function routeUrl<R extends RouteName>(target: ApiTarget, route: R, ...request: CallArgs<R>): string;
export function routeUrl(target: ApiTarget, route: string, request: unknown = {}): string {
  const { params, query } = request as AnyRequest;
  const search = `${new URLSearchParams(JSON.parse(JSON.stringify(query ?? {})))}`;
  return `${target.api}/api/v1${route.replace(/^\w+ |\{(\w+)\}/g, (_, name?: string) => (name ? encodeURIComponent(params![name]!) : ''))}${search && `?${search}`}`;
}

/**
 * Calls a route of the contract (`api(target, 'POST /agents/{id}/monitor', {params: {id}, body: {mode}})`):
 * the bearer token when there is one, else the cookie (`credentials: 'include'`, which also
 * covers a portal on another origin the server allows). With a `tokenProvider`, a request the
 * server refuses with 401 is sent once more with a fresh token. Resolves with the JSON body
 * (undefined for 204); throws FloorviewApiError for anything else.
 */
export async function api<R extends RouteName>(target: ApiTarget, route: R, ...request: CallArgs<R>): Promise<RouteResponse<R>>;
export async function api(target: ApiTarget, route: string, request: unknown = {}): Promise<unknown> {
  if (!target.tokenProvider) return send(target, route, request as AnyRequest, target.token);
  const tokens = (await import('./token-source.js')).tokenSource(target.tokenProvider, target.token);
  const token = await tokens.token();
  try {
    return await send(target, route, request as AnyRequest, token);
  } catch (err) {
    if (!(err instanceof FloorviewApiError && err.status === 401)) throw err;
    return send(target, route, request as AnyRequest, await tokens.renew(token));
  }
}

async function send(target: ApiTarget, route: string, request: AnyRequest, token: string | null): Promise<unknown> {
  const { body, signal } = request;
  const headers: Record<string, string> = { accept: 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(routeUrl(target, route as RouteName, request as never), {
      method: route.split(' ')[0],
      headers,
      credentials: token ? 'omit' : 'include',
      body: JSON.stringify(body),
      signal,
    });
  } catch (err) {
    if (signal?.aborted) throw err;
    throw new FloorviewApiError(0, 'network_error', (err as Error).message);
  }
  if (res.status === 204) return undefined;
  const answer: unknown = await res.json().catch(() => null);
  if (res.ok) return answer;
  const error = (answer as ErrorBody | null)?.error;
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
