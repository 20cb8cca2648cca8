import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';

/**
 * Who holds a report job: `<host>|<pid>|<nonce>`, unique per process start.
 * A holder on another host is known dead only when its lease runs out; on this
 * host a dead process is known at once, so a restarted node resumes its jobs
 * without waiting out the lease.
 */
export function newOwner(): string {
  return `${hostname()}|${process.pid}|${randomBytes(4).toString('hex')}`;
}

/** Whether `owner` is surely gone (another start of this process, or a process of this host that no longer runs). */
export function ownerIsDead(owner: string, me: string): boolean {
  if (owner === me) return false;
  const parts = owner.split('|');
  const nonce = parts.pop();
  const pid = Number(parts.pop());
  const host = parts.join('|');
  if (!nonce || !Number.isInteger(pid) || host !== hostname()) return false;
  // The same pid with another nonce was an earlier start (a container's pid 1 restarted).
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return false;
  } catch (err) {
    // EPERM: it runs, as another user.
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
