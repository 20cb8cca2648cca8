import { connect, type Socket } from 'node:net';
import type { PlatformStatusTracker } from '../platform-status.js';
import { AmiMessage, AmiParser, serializeAction } from './ami-message.js';

/**
 * Our own AMI client over node:net. The npm AMI clients (asterisk-manager, asterisk-ami-client,
 * node-asterisk…) are unmaintained and lack what a supervisor dashboard needs from its connection:
 * event lists, a keep-alive that notices a silent peer, and telling bad credentials from an outage.
 *
 * Logs in with `Events: on`, correlates every action with its response (and event lists with their
 * `…Complete`) by ActionID, pings to notice a dead peer, and reconnects with capped exponential backoff
 * and jitter. A refused login is final: retrying a wrong secret would only trip fail2ban on the PBX.
 */

export interface AmiEndpoint {
  host: string;
  port: number;
  username: string;
  secret: string;
}

export interface AmiClientOptions {
  /** Keep-alive period and how long a Ping (or any action) may go unanswered. */
  pingMs: number;
  actionTimeoutMs: number;
  /** Backoff: the first retry's delay and the cap. */
  retryMs: number;
  maxRetryMs: number;
}

export const DEFAULT_AMI_OPTIONS: AmiClientOptions = { pingMs: 20_000, actionTimeoutMs: 10_000, retryMs: 1_000, maxRetryMs: 30_000 };

/** An AMI action Asterisk answered with `Response: Error`: its `Message` is the reason a supervisor is shown. */
export class AmiActionError extends Error {
  constructor(
    readonly action: string,
    readonly reason: string,
  ) {
    super(`Asterisk refused ${action}: ${reason}`);
  }
}

interface Pending {
  action: string;
  resolve: (value: { response: AmiMessage; events: AmiMessage[] }) => void;
  reject: (err: Error) => void;
  /** An event list: its events gather here until the one that completes it. */
  events: AmiMessage[] | null;
  response: AmiMessage | null;
  timer: NodeJS.Timeout;
}

export function parseAmiUrl(url: string): AmiEndpoint {
  const u = new URL(url);
  return { host: u.hostname, port: u.port ? Number(u.port) : 5038, username: decodeURIComponent(u.username), secret: decodeURIComponent(u.password) };
}

export class AmiClient {
  private socket: Socket | null = null;
  private readonly pending = new Map<string, Pending>();
  private nextId = 0;
  private attempt = 0;
  private retryTimer: NodeJS.Timeout | undefined;
  private pingTimer: NodeJS.Timeout | undefined;
  private stopped = true;
  private loggedIn = false;
  private readonly options: AmiClientOptions;

  constructor(
    private readonly endpoint: AmiEndpoint,
    private readonly status: PlatformStatusTracker,
    private readonly handlers: { event: (message: AmiMessage) => void; connected: () => void },
    options: Partial<AmiClientOptions> = {},
  ) {
    this.options = { ...DEFAULT_AMI_OPTIONS, ...options };
  }

  get where(): string {
    return `${this.endpoint.host}:${this.endpoint.port}`;
  }

  start(): void {
    this.stopped = false;
    this.open();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    this.socket?.destroy();
    this.socket = null;
  }

  /** Sends an action; resolves with its `Success` response, rejects with `AmiActionError` on `Error`. */
  async action(fields: Record<string, string | number | undefined> & { Action: string }): Promise<AmiMessage> {
    return (await this.send(fields, false)).response;
  }

  /** Sends an action answered by an event list (QueueStatus, CoreShowChannels); resolves with its events. */
  async list(fields: Record<string, string | number | undefined> & { Action: string }): Promise<AmiMessage[]> {
    return (await this.send(fields, true)).events;
  }

  private send(fields: Record<string, string | number | undefined> & { Action: string }, list: boolean): Promise<{ response: AmiMessage; events: AmiMessage[] }> {
    const socket = this.socket;
    if (!socket || (!this.loggedIn && fields.Action !== 'Login')) return Promise.reject(new Error(`not connected to Asterisk at ${this.where}`));
    const actionId = `fv-${++this.nextId}`;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(actionId);
        reject(new Error(`Asterisk did not answer ${fields.Action} within ${this.options.actionTimeoutMs / 1000} s`));
      }, this.options.actionTimeoutMs);
      this.pending.set(actionId, { action: fields.Action, resolve, reject, events: list ? [] : null, response: null, timer });
      socket.write(serializeAction({ ...fields, ActionID: actionId }));
    });
  }

  private open(): void {
    const { host, port } = this.endpoint;
    const socket = connect({ host, port });
    this.socket = socket;
    socket.setEncoding('utf8');
    socket.setNoDelay(true);
    socket.setTimeout(this.options.actionTimeoutMs, () => socket.destroy(new Error(`no answer from ${this.where} within ${this.options.actionTimeoutMs / 1000} s`)));
    let lastError: string | null = null;
    const parser = new AmiParser(
      (banner) => this.banner(socket, banner),
      (message) => this.message(message),
    );
    socket.on('data', (chunk: string) => parser.feed(chunk));
    socket.on('error', (err) => (lastError = describe(err, this.where)));
    socket.on('close', () => this.closed(socket, lastError));
  }

  private banner(socket: Socket, banner: string): void {
    if (!/^Asterisk Call Manager\//.test(banner)) {
      this.fail(`${this.where} is not an Asterisk manager interface (it said "${banner.slice(0, 80)}")`);
      return;
    }
    socket.setTimeout(0);
    const { username, secret } = this.endpoint;
    this.send({ Action: 'Login', Username: username, Secret: secret, Events: 'on' }, false).then(
      () => this.loggedInNow(),
      (err: Error) => {
        if (err instanceof AmiActionError) this.fail(`Asterisk refused the AMI login of user "${username}": ${err.reason}`);
        else socket.destroy(err);
      },
    );
  }

  private loggedInNow(): void {
    this.loggedIn = true;
    this.attempt = 0;
    this.status.set('connected');
    this.pingTimer = setInterval(() => {
      this.action({ Action: 'Ping' }).catch((err: Error) => this.socket?.destroy(err));
    }, this.options.pingMs);
    this.pingTimer.unref();
    this.handlers.connected();
  }

  private message(message: AmiMessage): void {
    const id = message.actionId;
    const p = id === undefined ? undefined : this.pending.get(id);
    if (!p) {
      if (message.event !== undefined) this.handlers.event(message);
      return;
    }
    if (message.response !== undefined) {
      if (message.response === 'Error') return this.settle(id!, p, new AmiActionError(p.action, message.get('Message') ?? 'no reason given'));
      p.response = message;
      if (p.events === null) this.settle(id!, p);
      return;
    }
    // An event of a list this client asked for: gathered until the list completes.
    if (message.get('EventList') === 'Complete' || message.event?.endsWith('Complete')) this.settle(id!, p);
    else p.events?.push(message);
  }

  private settle(id: string, p: Pending, err?: Error): void {
    clearTimeout(p.timer);
    this.pending.delete(id);
    if (err) p.reject(err);
    else p.resolve({ response: p.response!, events: p.events ?? [] });
  }

  private closed(socket: Socket, lastError: string | null): void {
    if (this.socket !== socket && this.socket !== null) return;
    this.socket = null;
    this.loggedIn = false;
    clearInterval(this.pingTimer);
    for (const [id, p] of this.pending) this.settle(id, p, new Error(`the connection to Asterisk at ${this.where} was lost`));
    if (this.stopped || this.status.current.state === 'failed') return;
    this.status.set('reconnecting', lastError ?? `the connection to Asterisk at ${this.where} was closed`);
    // Capped exponential backoff with jitter: a PBX restart does not bring every Floorview back in the same instant.
    const delay = Math.min(this.options.maxRetryMs, this.options.retryMs * 2 ** this.attempt++);
    this.retryTimer = setTimeout(() => this.open(), delay * (0.5 + Math.random() * 0.5));
    this.retryTimer.unref();
  }

  /** A state no retry can leave: said once, the connection closed, no reconnecting. */
  private fail(reason: string): void {
    this.status.set('failed', reason);
    this.socket?.destroy();
  }
}

function describe(err: NodeJS.ErrnoException, where: string): string {
  switch (err.code) {
    case 'ECONNREFUSED':
      return `Asterisk at ${where} refused the connection (is the manager interface enabled on that port?)`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `the host of Asterisk (${where}) could not be found`;
    default:
      return `connection to Asterisk at ${where}: ${err.message}`;
  }
}
