import type { ChatMessage } from '../../contract/chat.js';
import type { ChatService } from '../chat/chat-service.js';
import { Random } from '../lib/random.js';
import type { SimEngine } from './sim-engine.js';

/** What the simulated agents use of the chat: the same service, rules and stream as an agent's desk. */
export type ChatDesk = Pick<ChatService, 'send' | 'markRead' | 'onSent'>;

const REPLIES = {
  en: {
    statement: ['OK, will do.', 'Got it, thanks!', 'Understood.', 'On it.', 'Thanks, I’ll take a look.', 'Noted, thank you.'],
    question: ['Yes, I can.', 'Let me check and get back to you.', 'Yes — give me a minute.'],
    onCall: ['Sure — right after this call.', 'With a customer, I’ll get to it after this call.'],
  },
  zh: {
    statement: ['好的,收到。', '明白,谢谢!', '收到,马上处理。', '没问题。', '谢谢提醒,我会注意的。', '了解,谢谢。'],
    question: ['可以的。', '我查一下再回复您。', '可以,请稍等一分钟。'],
    onCall: ['好的,这通电话结束后马上处理。', '正在接待客户,通话结束后处理。'],
  },
};

/** Typical time to answer, ms: a glance between calls, longer while talking to a customer. */
const MEDIAN_MS = { idle: 7_000, busy: 25_000 };
const MIN_MS = 3_000;
const MAX_MS = 60_000;

/**
 * The simulated agents answer supervisors' chat: after a human-like delay
 * (a few seconds to a minute, longer on a call) they read the message, then
 * send a short canned reply in their language (Chinese names answer in
 * Chinese). A burst of messages gets one answer. Signed-out agents do not
 * answer, nor does an agent whose desk a person has open: they answer themselves.
 * Replies are scheduled in simulated time, so a test can drive them.
 */
export class ChatReplies {
  private readonly rng: Random;
  /** Conversations with an answer on its way. */
  private readonly answering = new Set<string>();

  constructor(
    private readonly engine: SimEngine,
    private readonly clock: () => number,
    seed: number,
    private readonly chat: ChatDesk,
    private readonly attended: (agentId: string) => boolean,
  ) {
    // Its own sequence, so chat does not shift the calls the centre simulates.
    this.rng = new Random(seed * 31 + 7);
  }

  /** A message was sent: a supervisor's to a simulated agent gets an answer. */
  receive(message: ChatMessage): void {
    const { agentId, supervisorId } = message;
    const agent = this.engine.agents.get(agentId);
    const key = `${agentId} ${supervisorId}`;
    if (message.sender !== 'supervisor' || !agent?.signedIn || this.attended(agentId) || this.answering.has(key)) return;
    this.answering.add(key);
    const onCall = agent.task !== null;
    const median = onCall ? MEDIAN_MS.busy : MEDIAN_MS.idle;
    const delay = Math.min(MAX_MS, Math.max(MIN_MS, this.rng.lognormal(median, 0.5)));
    const at = Math.max(this.clock(), this.engine.now);
    const me = { kind: 'agent', id: agentId } as const;
    const language = /\p{Script=Han}/u.test(agent.model.name) ? 'zh' : 'en';
    const replies = REPLIES[language][onCall ? 'onCall' : /[?？]\s*$/.test(message.body) ? 'question' : 'statement'];
    const reply = this.rng.pick(replies);
    const stillThere = () => agent.signedIn && !this.attended(agentId);
    // The reply waits for the read to be written: on PostgreSQL the two would otherwise race on two connections.
    let read: Promise<void> = Promise.resolve();
    this.engine.at(at + delay * 0.6, () => {
      read = this.safely(() => stillThere() && this.chat.markRead(me, agentId, { supervisorId }));
    });
    this.engine.at(at + delay, () => {
      this.answering.delete(key);
      void read.then(() => this.safely(() => stillThere() && this.chat.send(me, agentId, reply, supervisorId)));
    });
  }

  /** A refused reply (the supervisor lost this agent from scope meanwhile) must not stop the simulated centre. */
  private async safely(run: () => unknown): Promise<void> {
    try {
      await run();
    } catch (err) {
      console.error(`Simulator: a chat reply failed: ${(err as Error).message}`);
    }
  }
}
