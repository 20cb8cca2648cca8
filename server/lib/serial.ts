/** Runs asynchronous work one piece at a time, in the order asked: what an awaited step would otherwise let interleave. A failure is its caller's, and the next piece still runs. */
export class Serial {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(work: () => Promise<T> | T): Promise<T> {
    const result = this.tail.then(work);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
