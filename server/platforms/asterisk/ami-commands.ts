import type { CommandAdapter, SupervisorCommand } from '../../commands/command.js';
import type { Directory } from '../../directory/directory.js';
import type { MonitorMode } from '../../domain/events.js';
import type { WireEvent } from '../../ingest/event-schema.js';
import type { AmiClient } from './ami-client.js';
import type { AmiEventMapper } from './ami-events.js';
import type { AmiMessage } from './ami-message.js';
import { asteriskEventId, atSecond } from './asterisk-ids.js';

/** ChanSpy's options per mode (q: no beep; w: whisper to the agent; B: barge into both sides). */
const SPY_OPTION: Record<MonitorMode, string> = { monitor: '', coach: 'w', barge: 'B' };
/** With ChanSpy's `d` option, a digit the spy channel receives switches mode: 4 listen, 5 whisper, 6 barge. */
const SPY_DIGIT: Record<MonitorMode, string> = { monitor: '4', coach: '5', barge: '6' };
const MODE_OF_DIGIT = new Map(Object.entries(SPY_DIGIT).map(([mode, digit]) => [digit, mode as MonitorMode]));

/** A supervisor's listening channel: originated from their device into ChanSpy on the agent's channel. */
interface Spy {
  supervisorId: string;
  agentId: string;
  callId: string;
  /** Our id for the channel (Originate's ChannelId): how its events are told from others before its name is known. */
  uniqueid: string;
  channel: string | null;
  mode: MonitorMode;
}

/**
 * Supervisor commands as AMI actions. State → QueuePause (with the reason) on every queue the agent is a
 * member of; join/leave → QueueAdd/QueueRemove; sign out → QueueRemove from every queue; monitor, coach,
 * barge → Originate from the supervisor's device into ChanSpy on the agent's channel, mode switches by
 * a digit the spy channel receives (PlayDTMF, Receive), end → Hangup of the spy channel. Nothing is
 * assumed: the floor changes when Asterisk's events come back (QueueMemberPause, ChanSpyStart…). An
 * action Asterisk refuses rejects with its reason (AmiActionError), which the supervisor sees.
 */
export class AmiCommands implements CommandAdapter {
  readonly name = 'asterisk';
  private readonly spies = new Map<string, Spy>();

  constructor(
    private readonly ami: AmiClient,
    private readonly directory: Directory,
    private readonly mapper: AmiEventMapper,
  ) {}

  async send(command: SupervisorCommand): Promise<void> {
    const agent = this.directory.agents.get(command.agentId)!;
    const memberships = [...(this.mapper.members.get(agent.id) ?? new Map()).entries()];
    const interfaces = [...new Set(memberships.map(([, m]) => m.interface))];
    switch (command.kind) {
      case 'set_state': {
        if (interfaces.length === 0) throw new Error(`${agent.name} is in no queue on Asterisk, so cannot be paused or unpaused there.`);
        const paused = command.state === 'unavailable';
        for (const Interface of interfaces) {
          await this.ami.action({ Action: 'QueuePause', Interface, Paused: paused ? 'true' : 'false', Reason: paused ? command.reason : undefined });
        }
        return;
      }
      case 'join_queue': {
        const Interface = interfaces[0] ?? agent.members[0];
        if (!Interface) throw new Error(`${agent.name} has no "members" in the directory: Floorview does not know their interface on Asterisk.`);
        await this.ami.action({ Action: 'QueueAdd', Queue: command.queueId, Interface, MemberName: agent.name, Paused: 'false' });
        return;
      }
      case 'leave_queue': {
        const membership = memberships.find(([queueId]) => queueId === command.queueId)?.[1];
        if (!membership) throw new Error(`${agent.name} is not a member of ${command.queueId} on Asterisk.`);
        await this.ami.action({ Action: 'QueueRemove', Queue: command.queueId, Interface: membership.interface });
        return;
      }
      case 'sign_out':
        for (const [Queue, m] of memberships) await this.ami.action({ Action: 'QueueRemove', Queue, Interface: m.interface });
        return;
      case 'monitor':
        return this.monitor(command.supervisorId, agent.id, command.callId, command.mode);
      case 'end_monitor': {
        const spy = this.spies.get(command.supervisorId);
        if (!spy?.channel) throw new Error('Asterisk has not reported your listening channel yet.');
        await this.ami.action({ Action: 'Hangup', Channel: spy.channel });
        return;
      }
    }
  }

  private async monitor(supervisorId: string, agentId: string, callId: string, mode: MonitorMode): Promise<void> {
    const current = this.spies.get(supervisorId);
    if (current?.agentId === agentId && current.channel) {
      await this.ami.action({ Action: 'PlayDTMF', Channel: current.channel, Digit: SPY_DIGIT[mode], Receive: 'true' });
      return;
    }
    const device = this.directory.supervisors.get(supervisorId)?.device;
    if (!device) throw new Error('You have no "device" in the directory: Floorview does not know which phone to ring for monitoring.');
    const agentChannel = this.mapper.channelOf(agentId);
    if (!agentChannel) throw new Error('Asterisk reports no channel for this call yet.');
    const uniqueid = `floorview-spy-${supervisorId}-${Date.now()}`;
    this.spies.set(supervisorId, { supervisorId, agentId, callId, uniqueid, channel: null, mode });
    try {
      await this.ami.action({
        Action: 'Originate',
        Channel: device,
        Application: 'ChanSpy',
        Data: `${agentChannel},qdE${SPY_OPTION[mode]}`,
        CallerID: `"Floorview ${mode}" <${agentId}>`,
        ChannelId: uniqueid,
        Async: 'true',
      });
    } catch (err) {
      this.spies.delete(supervisorId);
      throw err;
    }
  }

  /** Monitoring as Asterisk reports it: the spy channel's name, ChanSpy starting and stopping, a mode switched. */
  observe(m: AmiMessage, at: number): WireEvent[] {
    const iso = new Date(at).toISOString();
    switch (m.event) {
      case 'Newchannel':
      case 'OriginateResponse': {
        const spy = this.spyBy((s) => s.uniqueid === m.get('Uniqueid'));
        if (spy && m.get('Channel')) spy.channel = m.get('Channel')!;
        if (spy && m.event === 'OriginateResponse' && m.get('Response') === 'Failure') this.spies.delete(spy.supervisorId);
        return [];
      }
      case 'ChanSpyStart': {
        const spy = this.spyBy((s) => s.uniqueid === m.get('SpyerUniqueid') || s.channel === m.get('SpyerChannel'));
        if (!spy) return [];
        spy.channel ??= m.get('SpyerChannel') ?? null;
        return [this.started(spy, spy.mode, iso, at)];
      }
      case 'DTMFEnd': {
        const spy = this.spyBy((s) => s.channel === m.get('Channel'));
        const mode = MODE_OF_DIGIT.get(m.get('Digit') ?? '');
        if (!spy || !mode || m.get('Direction') !== 'Received') return [];
        spy.mode = mode;
        return [this.started(spy, mode, iso, at)];
      }
      case 'ChanSpyStop':
      case 'Hangup': {
        const channel = m.event === 'Hangup' ? m.get('Channel') : m.get('SpyerChannel');
        const spy = this.spyBy((s) => s.channel === channel || s.uniqueid === m.get('Uniqueid'));
        if (!spy) return [];
        this.spies.delete(spy.supervisorId);
        return [{ id: asteriskEventId(spy.uniqueid, 'monitor-ended'), type: 'monitor.ended', at: iso, agentId: spy.agentId, supervisorId: spy.supervisorId }];
      }
    }
    return [];
  }

  private started(spy: Spy, mode: MonitorMode, iso: string, at: number): WireEvent {
    return { id: asteriskEventId(spy.uniqueid, 'monitor', mode, atSecond(at)), type: 'monitor.started', at: iso, agentId: spy.agentId, callId: spy.callId, supervisorId: spy.supervisorId, mode };
  }

  private spyBy(test: (s: Spy) => boolean): Spy | undefined {
    for (const s of this.spies.values()) if (test(s)) return s;
    return undefined;
  }
}
