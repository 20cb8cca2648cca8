import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';

/**
 * The bus's two keys and the Lua that keeps them consistent. Redis runs a script alone, so the
 * epoch, the count and the entry it numbers change together, whichever node publishes.
 *
 * - `{<name>}`: the stream. Each entry: `e` its epoch, `i` its number in the epoch (1, 2, 3…, no
 *   hole: a reader that sees one knows entries were lost), `n` the node that published it, `f`
 *   the message format, `m` the message.
 * - `{<name>}:epoch`: a hash, `epoch` (the stream's epoch) and `count` (entries added in it).
 *   (The braces put both keys in one Redis Cluster slot, as a script's keys must be.)
 *
 * A stream begins when a script finds the epoch missing or the stream empty (the first start, a
 * Redis that came back without its data, a stream emptied by hand): it drops whatever is left, takes the fresh epoch its caller
 * drew, and writes an `epoch` entry when nothing else is being published, so the epoch is pinned
 * to a stream that exists.
 */
export interface BusKeys {
  stream: string;
  meta: string;
}

export const busKeys = (name: string): BusKeys => ({ stream: `{${name}}`, meta: `{${name}}:epoch` });

const BEGIN = `
local function begin(fresh)
  local epoch = redis.call('HGET', KEYS[2], 'epoch')
  if epoch and redis.call('XLEN', KEYS[1]) > 0 then return epoch, false end
  redis.call('DEL', KEYS[1], KEYS[2])
  redis.call('HSET', KEYS[2], 'epoch', fresh, 'count', 0)
  return fresh, true
end
local function add(epoch, maxlen, node, format, text)
  local n = redis.call('HINCRBY', KEYS[2], 'count', 1)
  local id = redis.call('XADD', KEYS[1], 'MAXLEN', '~', maxlen, '*', 'e', epoch, 'i', n, 'n', node, 'f', format, 'm', text)
  return {epoch, id, n}
end
`;

/** ARGV: fresh epoch, maxlen, node, format, message. Returns [epoch, id, count] of the entry added. */
const PUBLISH = `${BEGIN}
local epoch = begin(ARGV[1])
return add(epoch, ARGV[2], ARGV[3], ARGV[4], ARGV[5])
`;

/** ARGV: fresh epoch, maxlen, node, format, the `epoch` message. Returns [epoch, id, count] of the last entry. */
const POSITION = `${BEGIN}
local epoch, fresh = begin(ARGV[1])
if fresh then return add(epoch, ARGV[2], ARGV[3], ARGV[4], ARGV[5]) end
local last = redis.call('XREVRANGE', KEYS[1], '+', '-', 'COUNT', 1)
return {epoch, last[1][1], tonumber(redis.call('HGET', KEYS[2], 'count'))}
`;

export interface Script {
  text: string;
  sha: string;
}

const script = (text: string): Script => ({ text, sha: createHash('sha1').update(text).digest('hex') });
export const PUBLISH_SCRIPT = script(PUBLISH);
export const POSITION_SCRIPT = script(POSITION);

/** EVALSHA, and EVAL the first time a Redis (a restarted one too) has not seen the script. */
export async function runScript(redis: Redis, s: Script, keys: BusKeys, args: readonly (string | number)[]): Promise<[string, string, number]> {
  try {
    return (await redis.evalsha(s.sha, 2, keys.stream, keys.meta, ...args)) as [string, string, number];
  } catch (err) {
    if (!(err instanceof Error) || !err.message.startsWith('NOSCRIPT')) throw err;
    return (await redis.eval(s.text, 2, keys.stream, keys.meta, ...args)) as [string, string, number];
  }
}
