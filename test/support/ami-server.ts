import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';

/**
 * A PBX speaking the Asterisk Manager Interface as Asterisk 18 does, for tests: TCP, the banner, `Key:
 * Value` blocks ended by an empty line, ActionID echoed, a refused login closing the session, event
 * lists (QueueStatus, CoreShowChannels) ending with their `…Complete` event, and `timestampevents =
 * yes`. It keeps a small model of queues, members and channels so the actions Floorview sends change it
 * as Asterisk would (and say what Asterisk says when they cannot), and the scripted call scenarios emit
 * the events Asterisk emits for them (field lists from the AMI event reference; the QueueStatus
 * exchange follows ../shared/interop/asterisk/ami-queue-status.yaml, recorded from a real Asterisk).
 * Written apart from Floorview's own parser, so a mistake there is not mirrored here.
 */

type Fields = Record<string, string>;

interface Member {
  iface: string;
  name: string;
  paused: boolean;
  reason: string;
  /** Device state: 1 not in use, 2 in use, 6 ringing. */
  status: number;
}

interface Channel {
  channel: string;
  uniqueid: string;
  linkedid: string;
  application: string;
  data: string;
  bridgeId: string;
  state: 'Up' | 'Ring' | 'Ringing';
}

interface Session {
  socket: Socket;
  loggedIn: boolean;
  buffer: string;
}

export interface AmiServerOptions {
  username: string;
  secret: string;
  /** queue name → member interfaces (added unpaused). */
  queues: Record<string, string[]>;
}

export class AmiTestServer {
  readonly actions: Fields[] = [];
  readonly queues = new Map<string, Map<string, Member>>();
  readonly channels = new Map<string, Channel>();
  /** Callers waiting, by Uniqueid: queue and when they joined (ms). */
  readonly waiting = new Map<string, { queue: string; since: number; channel: string }>();
  private readonly sessions = new Set<Session>();
  private server: Server | null = null;
  private accepting = true;
  private seq = 0;
  port = 0;

  constructor(private readonly options: AmiServerOptions) {
    for (const [queue, members] of Object.entries(options.queues)) {
      this.queues.set(queue, new Map(members.map((iface) => [iface, { iface, name: iface, paused: false, reason: '', status: 1 }])));
    }
  }

  get url(): string {
    return `tcp://${this.options.username}:${this.options.secret}@127.0.0.1:${this.port}`;
  }

  /** Sessions logged in now. */
  get connected(): number {
    return [...this.sessions].filter((s) => s.loggedIn).length;
  }

  async listen(): Promise<void> {
    this.server = createServer((socket) => this.accept(socket));
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    for (const s of this.sessions) s.socket.destroy();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  /** An outage: every session cut, new connections closed at once, until `up()`. */
  down(): void {
    this.accepting = false;
    for (const s of this.sessions) s.socket.destroy();
  }

  up(): void {
    this.accepting = true;
  }

  /** The actions Floorview sent with this name, without their ActionID. */
  sent(action: string): Fields[] {
    return this.actions.filter((a) => a.Action === action).map(({ ActionID: _, ...rest }) => rest);
  }

  // ── Scripted call scenarios: the model changes and the events Asterisk raises for it ──

  uniqueid(): string {
    return `1733580000.${++this.seq}`;
  }

  callerJoins(queue: string, uniqueid = this.uniqueid()): string {
    const channel = `PJSIP/trunk-${hex(this.seq)}`;
    this.channels.set(channel, { channel, uniqueid, linkedid: uniqueid, application: 'Queue', data: `${queue},t`, bridgeId: '', state: 'Up' });
    this.waiting.set(uniqueid, { queue, since: Date.now(), channel });
    const count = [...this.waiting.values()].filter((w) => w.queue === queue).length;
    this.emit({ Event: 'QueueCallerJoin', Channel: channel, Uniqueid: uniqueid, Linkedid: uniqueid, CallerIDNum: '+15550100', Queue: queue, Position: String(count), Count: String(count) });
    return uniqueid;
  }

  /** The queue rings a member: AgentCalled, the member's channel created. */
  agentCalled(uniqueid: string, iface: string): string {
    const w = this.waiting.get(uniqueid)!;
    const agentChannel = `${iface}-${hex(++this.seq)}`;
    this.channels.set(agentChannel, { channel: agentChannel, uniqueid: this.uniqueid(), linkedid: uniqueid, application: 'AppQueue', data: '(Outgoing Line)', bridgeId: '', state: 'Ringing' });
    this.setStatus(iface, 6);
    this.emit({ Event: 'AgentCalled', Channel: w.channel, Uniqueid: uniqueid, DestChannel: agentChannel, Queue: w.queue, Interface: iface, MemberName: this.member(iface)?.name ?? iface });
    return agentChannel;
  }

  agentRingNoAnswer(uniqueid: string, iface: string, agentChannel: string): void {
    const w = this.waiting.get(uniqueid)!;
    this.channels.delete(agentChannel);
    this.setStatus(iface, 1);
    this.emit({ Event: 'AgentRingNoAnswer', Channel: w.channel, Uniqueid: uniqueid, DestChannel: agentChannel, Queue: w.queue, Interface: iface, MemberName: iface, RingTime: '15' });
  }

  agentConnect(uniqueid: string, iface: string, agentChannel: string): void {
    const w = this.waiting.get(uniqueid)!;
    this.waiting.delete(uniqueid);
    const bridgeId = `bridge-${uniqueid}`;
    this.channels.get(w.channel)!.bridgeId = bridgeId;
    Object.assign(this.channels.get(agentChannel)!, { bridgeId, state: 'Up' });
    this.setStatus(iface, 2);
    this.emit({ Event: 'QueueCallerLeave', Channel: w.channel, Uniqueid: uniqueid, Queue: w.queue, Count: '0', Position: '1' });
    this.emit({ Event: 'AgentConnect', Channel: w.channel, Uniqueid: uniqueid, DestChannel: agentChannel, Queue: w.queue, Interface: iface, MemberName: iface, HoldTime: '5', RingTime: '3' });
  }

  hold(uniqueid: string, held = true): void {
    const caller = [...this.channels.values()].find((c) => c.uniqueid === uniqueid)!;
    this.emit({ Event: held ? 'Hold' : 'Unhold', Channel: caller.channel, Uniqueid: uniqueid, Linkedid: uniqueid, ...(held ? { MusicClass: 'default' } : {}) });
  }

  /** The call ends: AgentComplete (who hung up), then both channels hang up. */
  agentComplete(uniqueid: string, iface: string, agentChannel: string, reason: 'caller' | 'agent' | 'transfer', queue: string): void {
    const caller = [...this.channels.values()].find((c) => c.uniqueid === uniqueid)!;
    this.setStatus(iface, 1);
    this.emit({ Event: 'AgentComplete', Channel: caller.channel, Uniqueid: uniqueid, DestChannel: agentChannel, Queue: queue, Interface: iface, MemberName: iface, HoldTime: '5', TalkTime: '60', Reason: reason });
    this.hangup(agentChannel);
    this.hangup(caller.channel);
  }

  abandon(uniqueid: string): void {
    const w = this.waiting.get(uniqueid)!;
    this.waiting.delete(uniqueid);
    this.emit({ Event: 'QueueCallerAbandon', Channel: w.channel, Uniqueid: uniqueid, Queue: w.queue, Position: '1', OriginalPosition: '1', HoldTime: '20' });
    this.emit({ Event: 'QueueCallerLeave', Channel: w.channel, Uniqueid: uniqueid, Queue: w.queue, Count: '0', Position: '1' });
    this.hangup(w.channel);
  }

  hangup(channel: string): void {
    const c = this.channels.get(channel);
    if (!c) return;
    this.channels.delete(channel);
    this.emit({ Event: 'Hangup', Channel: channel, Uniqueid: c.uniqueid, Linkedid: c.linkedid, Cause: '16', 'Cause-txt': 'Normal Clearing' });
  }

  /** A member's own call out: their phone's channel dials a trunk, which answers. */
  dialOut(iface: string): { uniqueid: string; channel: string } {
    const uniqueid = this.uniqueid();
    const channel = `${iface}-${hex(++this.seq)}`;
    const trunk = `PJSIP/trunk-${hex(++this.seq)}`;
    const bridgeId = `bridge-${uniqueid}`;
    this.channels.set(channel, { channel, uniqueid, linkedid: uniqueid, application: 'Dial', data: 'PJSIP/+15550199@trunk', bridgeId, state: 'Up' });
    this.channels.set(trunk, { channel: trunk, uniqueid: this.uniqueid(), linkedid: uniqueid, application: 'AppDial', data: '(Outgoing Line)', bridgeId, state: 'Up' });
    this.emit({ Event: 'DialBegin', Channel: channel, Uniqueid: uniqueid, Linkedid: uniqueid, DestChannel: trunk, DestUniqueid: this.channels.get(trunk)!.uniqueid, DialString: '+15550199@trunk' });
    this.emit({ Event: 'DialEnd', Channel: channel, Uniqueid: uniqueid, Linkedid: uniqueid, DestChannel: trunk, DialStatus: 'ANSWER' });
    return { uniqueid, channel };
  }

  /** Member state changed at the PBX itself (a phone's pause key, the dialplan): event only when anyone is connected. */
  pauseAtPbx(iface: string, paused: boolean, reason = ''): void {
    for (const [queue, members] of this.queues) {
      const m = members.get(iface);
      if (!m) continue;
      Object.assign(m, { paused, reason });
      this.emit(this.memberEvent('QueueMemberPause', queue, m, { PausedReason: reason }));
    }
  }

  /** Sends an event exactly as given, to every logged-in session (a replay, a malformed one). */
  emit(fields: Fields): void {
    const block = wire({ ...fields, Privilege: 'agent,all', Timestamp: (Date.now() / 1000).toFixed(6) });
    for (const s of this.sessions) if (s.loggedIn) s.socket.write(block);
  }

  private accept(socket: Socket): void {
    if (!this.accepting) {
      socket.destroy();
      return;
    }
    const session: Session = { socket, loggedIn: false, buffer: '' };
    this.sessions.add(session);
    socket.setEncoding('utf8');
    socket.on('close', () => this.sessions.delete(session));
    socket.on('error', () => {});
    socket.on('data', (chunk: string) => {
      session.buffer += chunk;
      let end: number;
      while ((end = session.buffer.indexOf('\r\n\r\n')) !== -1) {
        const block = session.buffer.slice(0, end);
        session.buffer = session.buffer.slice(end + 4);
        const fields: Fields = {};
        for (const line of block.split('\r\n')) {
          const colon = line.indexOf(':');
          if (colon > 0) fields[line.slice(0, colon)] = line.slice(colon + 1).trim();
        }
        this.action(session, fields);
      }
    });
    socket.write('Asterisk Call Manager/7.0.3\r\n');
  }

  private action(s: Session, a: Fields): void {
    this.actions.push(a);
    const id: Fields = a.ActionID ? { ActionID: a.ActionID } : {};
    const reply = (fields: Fields): void => void s.socket.write(wire({ ...fields, ...id }));
    const error = (message: string): void => reply({ Response: 'Error', Message: message });
    const success = (message: string, more: Fields = {}): void => reply({ Response: 'Success', ...more, Message: message });
    if (a.Action === 'Login') {
      if (a.Username !== this.options.username || a.Secret !== this.options.secret) {
        error('Authentication failed');
        s.socket.end();
        return;
      }
      s.loggedIn = true;
      success('Authentication accepted');
      s.socket.write(wire({ Event: 'FullyBooted', Privilege: 'system,all', Uptime: '3600', LastReload: '3600', Status: 'Fully Booted' }));
      return;
    }
    if (!s.loggedIn) return error('Permission denied');
    switch (a.Action) {
      case 'Ping':
        return reply({ Response: 'Success', Ping: 'Pong', Timestamp: (Date.now() / 1000).toFixed(6) });
      case 'QueueStatus':
        return this.queueStatus(s, id);
      case 'CoreShowChannels':
        return this.coreShowChannels(s, id);
      case 'QueuePause': {
        const queues = [...this.queues].filter(([q, members]) => members.has(a.Interface ?? '') && (!a.Queue || a.Queue === q));
        if (queues.length === 0) return error('Interface not found');
        success('Interface paused successfully');
        for (const [queue, members] of queues) {
          const m = members.get(a.Interface!)!;
          Object.assign(m, { paused: a.Paused === 'true', reason: a.Reason ?? '' });
          this.emit(this.memberEvent('QueueMemberPause', queue, m, { PausedReason: m.reason }));
        }
        return;
      }
      case 'QueueAdd': {
        const members = this.queues.get(a.Queue ?? '');
        if (!members) return error('Unable to add interface: No such queue');
        if (members.has(a.Interface ?? '')) return error('Unable to add interface: Already there');
        const m = { iface: a.Interface!, name: a.MemberName ?? a.Interface!, paused: a.Paused === 'true', reason: '', status: 1 };
        members.set(m.iface, m);
        success('Added interface to queue');
        return this.emit(this.memberEvent('QueueMemberAdded', a.Queue!, m));
      }
      case 'QueueRemove': {
        const members = this.queues.get(a.Queue ?? '');
        if (!members) return error('Unable to remove interface: No such queue');
        const m = members.get(a.Interface ?? '');
        if (!m) return error('Unable to remove interface: Not there');
        members.delete(m.iface);
        success('Removed interface from queue');
        return this.emit(this.memberEvent('QueueMemberRemoved', a.Queue!, m));
      }
      case 'Originate':
        return this.originate(a, success, error);
      case 'PlayDTMF': {
        if (!this.channels.has(a.Channel ?? '')) return error('No such channel');
        success('DTMF successfully queued');
        const c = this.channels.get(a.Channel!)!;
        if (a.Receive === 'true') this.emit({ Event: 'DTMFEnd', Channel: c.channel, Uniqueid: c.uniqueid, Digit: a.Digit ?? '', DurationMs: '100', Direction: 'Received' });
        return;
      }
      case 'Hangup': {
        const c = this.channels.get(a.Channel ?? '');
        if (!c) return error('No such channel');
        success('Channel Hungup');
        if (c.application === 'ChanSpy') this.emit({ Event: 'ChanSpyStop', SpyerChannel: c.channel, SpyerUniqueid: c.uniqueid });
        return this.hangup(c.channel);
      }
      default:
        return error('Invalid/unknown command');
    }
  }

  /** Originate into ChanSpy: the supervisor's phone answers, ChanSpy starts on the agent's channel. */
  private originate(a: Fields, success: (m: string) => void, error: (m: string) => void): void {
    if (!/^\w+\/\S+$/.test(a.Channel ?? '')) return error('Channel not specified');
    success('Originate successfully queued');
    const uniqueid = a.ChannelId ?? this.uniqueid();
    const channel = `${a.Channel}-${hex(++this.seq)}`;
    const spied = (a.Data ?? '').split(',')[0]!;
    this.channels.set(channel, { channel, uniqueid, linkedid: uniqueid, application: a.Application ?? '', data: a.Data ?? '', bridgeId: '', state: 'Up' });
    this.emit({ Event: 'Newchannel', Channel: channel, Uniqueid: uniqueid, Linkedid: uniqueid, ChannelState: '0', ChannelStateDesc: 'Down' });
    this.emit({ Event: 'OriginateResponse', Response: 'Success', Channel: channel, Uniqueid: uniqueid, Application: a.Application ?? '', Data: a.Data ?? '', Reason: '4' });
    const spyee = this.channels.get(spied);
    if (a.Application === 'ChanSpy' && spyee) {
      this.emit({ Event: 'ChanSpyStart', SpyerChannel: channel, SpyerUniqueid: uniqueid, SpyeeChannel: spyee.channel, SpyeeUniqueid: spyee.uniqueid });
    }
  }

  private queueStatus(s: Session, id: Fields): void {
    const out = [wire({ Response: 'Success', ...id, EventList: 'start', Message: 'Queue status will follow' })];
    let items = 0;
    for (const [queue, members] of this.queues) {
      const calls = [...this.waiting.values()].filter((w) => w.queue === queue);
      out.push(wire({ Event: 'QueueParams', Queue: queue, Max: '0', Strategy: 'ringall', Calls: String(calls.length), Holdtime: '3', TalkTime: '303', Completed: '60', Abandoned: '5', ServiceLevel: '0', ServicelevelPerf: '0.0', Weight: '0', ...id }));
      items++;
      for (const m of members.values()) {
        out.push(wire({ ...this.memberEvent('QueueMember', queue, m), ...id }));
        items++;
      }
      [...this.waiting].filter(([, w]) => w.queue === queue).forEach(([uniqueid, w], i) => {
        out.push(wire({ Event: 'QueueEntry', Queue: queue, Position: String(i + 1), Channel: w.channel, Uniqueid: uniqueid, CallerIDNum: '+15550100', Wait: String(Math.round((Date.now() - w.since) / 1000)), Priority: '0', ...id }));
        items++;
      });
    }
    out.push(wire({ Event: 'QueueStatusComplete', ...id, EventList: 'Complete', ListItems: String(items) }));
    s.socket.write(out.join(''));
  }

  private coreShowChannels(s: Session, id: Fields): void {
    const out = [wire({ Response: 'Success', ...id, EventList: 'start', Message: 'Channels will follow' })];
    for (const c of this.channels.values()) {
      out.push(wire({ Event: 'CoreShowChannel', ...id, Channel: c.channel, Uniqueid: c.uniqueid, Linkedid: c.linkedid, ChannelState: c.state === 'Up' ? '6' : '5', ChannelStateDesc: c.state, Application: c.application, ApplicationData: c.data, BridgeId: c.bridgeId, Duration: '00:00:10' }));
    }
    out.push(wire({ Event: 'CoreShowChannelsComplete', ...id, EventList: 'Complete', ListItems: String(this.channels.size) }));
    s.socket.write(out.join(''));
  }

  private member(iface: string): Member | undefined {
    for (const members of this.queues.values()) if (members.has(iface)) return members.get(iface);
    return undefined;
  }

  private setStatus(iface: string, status: number): void {
    for (const [queue, members] of this.queues) {
      const m = members.get(iface);
      if (!m) continue;
      m.status = status;
      this.emit(this.memberEvent('QueueMemberStatus', queue, m));
    }
  }

  /** A member as QueueMember / QueueMember* events describe it (Asterisk 18's field list). */
  private memberEvent(event: string, queue: string, m: Member, more: Fields = {}): Fields {
    return {
      Event: event,
      Queue: queue,
      [event === 'QueueMember' ? 'Name' : 'MemberName']: m.name,
      [event === 'QueueMember' ? 'Location' : 'Interface']: m.iface,
      StateInterface: m.iface,
      Membership: 'dynamic',
      Penalty: '0',
      CallsTaken: '0',
      LastCall: '0',
      LastPause: '0',
      InCall: m.status === 2 ? '1' : '0',
      Status: String(m.status),
      Paused: m.paused ? '1' : '0',
      PausedReason: m.reason,
      ...more,
    };
  }
}

function wire(fields: Fields): string {
  return `${Object.entries(fields)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\r\n')}\r\n\r\n`;
}

function hex(n: number): string {
  return n.toString(16).padStart(8, '0');
}
