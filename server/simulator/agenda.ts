/** An action due at an instant of simulated time. */
interface Entry {
  at: number;
  /** Insertion order: actions due at the same instant run in the order they were scheduled, so runs replay exactly. */
  seq: number;
  run: () => void;
}

/** The discrete-event agenda: a binary min-heap of timed actions. */
export class Agenda {
  private readonly heap: Entry[] = [];
  private seq = 0;

  /** Instant of the earliest action; Infinity when empty. */
  peekTime(): number {
    return this.heap[0]?.at ?? Infinity;
  }

  push(at: number, run: () => void): void {
    const heap = this.heap;
    const entry = { at, seq: this.seq++, run };
    let i = heap.length;
    heap.push(entry);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent]!;
      if (!before(entry, p)) break;
      heap[i] = p;
      i = parent;
    }
    heap[i] = entry;
  }

  pop(): Entry | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (top === undefined || last === undefined || heap.length === 0) return top;
    const n = heap.length;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const child = r < n && before(heap[r]!, heap[l]!) ? r : l;
      const c = heap[child]!;
      if (!before(c, last)) break;
      heap[i] = c;
      i = child;
    }
    heap[i] = last;
    return top;
  }
}

function before(x: Entry, y: Entry): boolean {
  return x.at < y.at || (x.at === y.at && x.seq < y.seq);
}
