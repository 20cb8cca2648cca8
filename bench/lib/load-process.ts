import { fork, type ChildProcess } from 'node:child_process';

/** Where a load client connects: the stream's URL and its headers (credentials). */
export interface SseTarget {
  url: string;
  headers: Record<string, string>;
}

export type LoadCommand =
  | {
      cmd: 'connect';
      clients: number;
      /** Used round-robin. */
      targets: SseTarget[];
      /** A client counts as connected on its 200 response, or once it has its first `event: snapshot`. */
      readyOn: 'response' | 'snapshot';
      timeoutMs: number;
    }
  | { cmd: 'record' }
  | { cmd: 'report' }
  | { cmd: 'close' };

/** What the clients received since `record`: latencies in ms, of every (message, client) delivery. */
export interface LoadReport {
  cmd: 'report';
  deliveries: number;
  p50: number;
  p99: number;
  max: number;
  /** SSE messages (`data:` lines) received, every client counted. */
  messages: number;
  /** Bytes the clients' sockets read: HTTP framing included. */
  bytes: number;
  errors: number;
  ready: number;
  /** Clients with a 200 response that received no marker at all: a broken setup, not a slow one. */
  silent: number;
  /** CPU the load process used itself, to tell its limits from the server's. */
  loadCpuSeconds: number;
}

/** The SSE load (sse-load.ts) in its own process, driven step by step. */
export class LoadProcess {
  private readonly child: ChildProcess = fork(new URL('./sse-load.ts', import.meta.url).pathname, [], { execArgv: ['--import', 'tsx'] });

  private ask<T extends { cmd: string }>(command: LoadCommand, answer: T['cmd']): Promise<T> {
    return new Promise((resolve, reject) => {
      const onMessage = (m: { cmd: string }) => {
        if (m.cmd !== answer) return;
        this.child.off('message', onMessage);
        this.child.off('exit', onExit);
        resolve(m as T);
      };
      const onExit = (code: number | null) => reject(new Error(`the load process exited with ${code}`));
      this.child.on('message', onMessage);
      this.child.once('exit', onExit);
      this.child.send(command);
    });
  }

  connect(targets: SseTarget[], clients: number, readyOn: 'response' | 'snapshot', timeoutMs = 180_000) {
    return this.ask<{ cmd: 'connected'; ready: number; errors: number }>({ cmd: 'connect', targets, clients, readyOn, timeoutMs }, 'connected');
  }

  record() {
    return this.ask({ cmd: 'record' }, 'recording');
  }

  report() {
    return this.ask<LoadReport>({ cmd: 'report' }, 'report');
  }

  /** Closes every connection by ending the process. */
  close(): Promise<void> {
    return new Promise((resolve) => {
      if (this.child.exitCode !== null) return resolve();
      this.child.once('exit', () => resolve());
      this.child.send({ cmd: 'close' });
    });
  }
}
