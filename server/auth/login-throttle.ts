import { ApiError } from '../lib/errors.js';
import { WindowCounts } from '../lib/window-counts.js';

/** What a sign-in may try, per fixed window. */
export interface ThrottleLimits {
  /** Failures for one account from one client address. */
  pair: number;
  /** Failures from one client address, all accounts together (spraying many accounts). */
  address: number;
  /** Failures for one account from addresses it never signed in from (guessing from many addresses). */
  account: number;
  windowMs: number;
  /** Entries per table: memory stays bounded whatever an attacker sends. */
  capacity: number;
}

export const DEFAULT_THROTTLE: ThrottleLimits = { pair: 10, address: 100, account: 50, windowMs: 15 * 60_000, capacity: 50_000 };

/** A reserved sign-in attempt: settle it once the password was verified. */
export interface Attempt {
  succeeded(): void;
  failed(): void;
}

/**
 * Sign-in throttling by client address and account together. An attempt is
 * reserved (counted) synchronously before the slow password check, so
 * concurrent guesses cannot all pass the check before the first failure is
 * counted: at most `pair` guesses per window are ever verified. Someone
 * else's failures do not lock a person out: the account-wide limit spares the
 * addresses that account signed in from before, and another address has its
 * own pair counter.
 */
export class LoginThrottle {
  private readonly pairs: WindowCounts;
  private readonly addresses: WindowCounts;
  private readonly accounts: WindowCounts;
  /** Addresses an account signed in from, most recent last. */
  private readonly known = new Map<string, number>();

  constructor(
    private readonly clock: () => number = Date.now,
    private readonly limits: ThrottleLimits = DEFAULT_THROTTLE,
  ) {
    this.pairs = new WindowCounts(limits.windowMs, limits.capacity);
    this.addresses = new WindowCounts(limits.windowMs, limits.capacity);
    this.accounts = new WindowCounts(limits.windowMs, limits.capacity);
  }

  /** Counts the attempt now, or throws 429 with the seconds to wait. */
  reserve(address: string, account: string): Attempt {
    const now = this.clock();
    const pairKey = `${address}\n${account}`;
    const knownAddress = this.isKnown(pairKey, now);
    const counters: [WindowCounts, string, number][] = [
      [this.pairs, pairKey, this.limits.pair],
      [this.addresses, address, this.limits.address],
    ];
    if (!knownAddress) counters.push([this.accounts, account, this.limits.account]);
    let waitMs = 0;
    for (const [table, key, limit] of counters) {
      if (table.count(key, now) >= limit) waitMs = Math.max(waitMs, table.endsIn(key, now));
    }
    if (waitMs > 0) throw tooMany(waitMs);
    for (const [table, key] of counters) table.add(key, now);

    let settled = false;
    return {
      succeeded: () => {
        if (settled) return;
        settled = true;
        this.pairs.reset(pairKey);
        this.addresses.undo(address);
        if (!knownAddress) this.accounts.undo(account);
        this.remember(pairKey);
      },
      failed: () => {
        settled = true;
      },
    };
  }

  private isKnown(pairKey: string, now: number): boolean {
    const at = this.known.get(pairKey);
    return at !== undefined && now - at < KNOWN_FOR_MS;
  }

  private remember(pairKey: string): void {
    this.known.delete(pairKey);
    this.known.set(pairKey, this.clock());
    if (this.known.size > this.limits.capacity) this.known.delete(this.known.keys().next().value!);
  }
}

/** An address an account signed in from stays "usual" this long. */
const KNOWN_FOR_MS = 30 * 86_400_000;

function tooMany(waitMs: number): ApiError {
  const seconds = Math.ceil(waitMs / 1000);
  const minutes = Math.ceil(seconds / 60);
  return new ApiError(429, 'too_many_attempts', `Too many failed sign-ins; try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`, undefined, {
    'retry-after': String(seconds),
  });
}
