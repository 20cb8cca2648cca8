/** Line numbers listed per skip reason; the count goes on. */
const MAX_LINES_LISTED = 20;

/** What an import did, printed at its end (issue 11 point 5). */
export class ImportSummary {
  linesRead = 0;
  eventsWritten = 0;
  /** Events whose id was stored before: a file imported again. */
  duplicates = 0;
  calls = 0;
  answered = 0;
  abandoned = 0;
  private readonly skipped = new Map<string, { count: number; lines: number[] }>();
  /** Names the directory does not list, with the lines that named them. */
  readonly missing = { member: new Map<string, number>(), queue: new Map<string, number>() };

  skip(reason: string, lines: readonly number[]): void {
    let s = this.skipped.get(reason);
    if (!s) this.skipped.set(reason, (s = { count: 0, lines: [] }));
    s.count += lines.length;
    for (const n of lines) if (s.lines.length < MAX_LINES_LISTED) s.lines.push(n);
  }

  /** A line names a member or queue the directory does not list (whatever becomes of the line). */
  notInDirectory(kind: 'member' | 'queue', name: string): void {
    const m = this.missing[kind];
    m.set(name, (m.get(name) ?? 0) + 1);
  }

  skippedCount(reason: string): number {
    return this.skipped.get(reason)?.count ?? 0;
  }

  /** Skipped line numbers per reason (the first ones), for tests and the printout. */
  skippedLines(): Record<string, { count: number; lines: number[] }> {
    return Object.fromEntries(this.skipped);
  }

  lines(): string[] {
    const out = [
      `lines read       ${this.linesRead}`,
      `events written   ${this.eventsWritten}${this.duplicates > 0 ? ` (${this.duplicates} already stored)` : ''}`,
      `calls            ${this.calls}`,
      `answered         ${this.answered}`,
      `abandoned        ${this.abandoned}`,
    ];
    const total = [...this.skipped.values()].reduce((a, s) => a + s.count, 0);
    out.push(`lines skipped    ${total}`);
    for (const [reason, s] of [...this.skipped].sort((a, b) => b[1].count - a[1].count)) {
      const more = s.count > s.lines.length ? ', …' : '';
      out.push(`  ${reason}: ${s.count} (line ${s.lines.join(', ')}${more})`);
    }
    for (const kind of ['member', 'queue'] as const) {
      const m = this.missing[kind];
      out.push(`${kind}s not in the directory:${m.size === 0 ? ' none' : ''}`);
      for (const [name, n] of [...m].sort((a, b) => a[0].localeCompare(b[0]))) out.push(`  ${name} (${n} line${n === 1 ? '' : 's'})`);
    }
    return out;
  }
}
