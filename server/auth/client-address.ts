import type { Context } from 'hono';
import type { AppEnv } from './app-env.js';

/**
 * The address a request came from, for sign-in throttling: the socket's peer, or — behind
 * `FLOORVIEW_TRUST_PROXY` = n proxies — the address the outermost trusted proxy saw, n entries from
 * the right of `X-Forwarded-For` (entries further left are the client's own say, and forgeable).
 */
export function clientAddress(c: Context<AppEnv>, trustedProxies: number): string {
  const peer = normalize(c.env?.incoming?.socket?.remoteAddress ?? 'unknown');
  if (trustedProxies === 0) return peer;
  const forwarded = (c.req.header('x-forwarded-for') ?? '').split(',').map((a) => a.trim()).filter(Boolean);
  return normalize(forwarded[forwarded.length - trustedProxies] ?? peer);
}

/** `::ffff:10.0.0.1` is 10.0.0.1. */
const normalize = (address: string) => address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
