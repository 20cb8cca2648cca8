import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { scopeOf } from '../../server/auth/principal.js';
import type { ChatMessage } from '../../contract/chat.js';
import { ChatService, type ChatParticipant } from '../../server/chat/chat-service.js';
import type { Store } from '../../server/db/store.js';
import { Directory } from '../../server/directory/directory.js';
import { generateCentre } from '../../server/directory/generate-centre.js';
import { upsertDirectory } from '../../server/directory/upsert-directory.js';
import { restoreFloor } from '../../server/floor/floor-snapshot.js';
import type { LiveFloor } from '../../server/floor/live-floor.js';
import { IngestService } from '../../server/ingest/ingest-service.js';
import { Simulator } from '../../server/simulator/simulator.js';
import type { ViewerItem } from '../../server/stream/stream-hub.js';
import { openTestStore } from '../support/test-store.js';
import { waitUntil } from '../support/wait-until.js';

/** A fixed past morning in Shanghai (evening in Austin): both sites have agents signed in. */
const START = Date.UTC(2025, 2, 4, 1);
const SECOND = 1_000;

describe('the simulated agents answer chat', () => {
  const dir = mkdtempSync(join(tmpdir(), 'floorview-sim-chat-'));
  let database: Store;
  let floor: LiveFloor;
  let ingest: IngestService;
  let simulator: Simulator;
  let chat: ChatService;
  let admin: ChatParticipant;
  /** Where simulated time stands: each backfill carries on from there. */
  let now = START;
  const published: ViewerItem[] = [];
  const attended = new Set<string>();

  /** Simulated time passes (the centre keeps working); chat replies fall due in it. */
  const pass = async (ms: number) => {
    await simulator.backfill(ingest, now, now + ms);
    now += ms;
  };
  const thread = async (agentId: string): Promise<ChatMessage[]> => (await chat.page(admin, agentId, { limit: 100 })).messages;
  /** The replies are written a moment after simulated time reaches them: waits until `agentId`'s thread has `count` messages. */
  const threadOf = (agentId: string, count: number) =>
    waitUntil(async () => {
      const messages = await thread(agentId);
      return messages.length >= count && messages;
    }, `${count} messages with ${agentId}`);
  /** Signed-in agents no test has written to yet. */
  const signedIn = async (test: (name: string) => boolean) => {
    const found = [];
    for (const a of floor.state.agents.values()) {
      if (a.state !== 'signed_out' && test(floor.directory.agents.get(a.agentId)!.name) && (await thread(a.agentId)).length === 0) found.push(a);
    }
    return found;
  };
  const han = (text: string) => /\p{Script=Han}/u.test(text);

  before(async () => {
    database = await openTestStore(dir);
    await upsertDirectory(database, generateCentre({ agents: 60, queues: 8, seed: 1 }));
    const directory = await Directory.load(database);
    floor = await restoreFloor(database, directory);
    ingest = new IngestService(database, directory, Date.now);
    ingest.onIngested((fresh) => floor.apply(fresh));
    simulator = new Simulator({ directory, seed: 1 });
    chat = new ChatService(database, directory, (item) => published.push(item));
    simulator.answerChat(chat, (agentId) => attended.has(agentId));
    admin = { kind: 'supervisor', id: 's-admin', scope: scopeOf(directory.supervisors.get('s-admin')!.queues) };
    await pass(2 * 3_600_000);
  });
  after(async () => {
    simulator.stop();
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers in the agent’s language after a few seconds to a minute, having read the message', async () => {
    const [zh] = await signedIn(han);
    const [en] = await signedIn((name) => !han(name));
    assert.ok(zh && en, 'a Chinese and an English agent are signed in');
    const toZh = await chat.send(admin, zh.agentId, '下午三点的培训别忘了', 's-admin');
    const toEn = await chat.send(admin, en.agentId, 'Can you cover the VIP queue at three?', 's-admin');

    await pass(2.9 * SECOND);
    assert.equal((await thread(zh.agentId)).length, 1, 'no one answers within three seconds');
    await pass(57.2 * SECOND);
    const zhThread = await threadOf(zh.agentId, 2);
    const enThread = await threadOf(en.agentId, 2);
    assert.deepEqual(zhThread.map((m) => m.sender), ['supervisor', 'agent'], 'answered within a minute');
    assert.deepEqual(enThread.map((m) => m.sender), ['supervisor', 'agent']);
    assert.ok(han(zhThread[1]!.body), `a Chinese answer: ${zhThread[1]!.body}`);
    assert.match(enThread[1]!.body, /^[A-Za-z][\w ,.!’—-]*[.!]$/, 'an English answer');
    assert.ok(zhThread[0]!.readAt && enThread[0]!.readAt, 'read before answering');
    assert.equal(zhThread[0]!.id, toZh.id);
    assert.equal(enThread[0]!.id, toEn.id);

    // Through the same path as an agent's desk: on the stream for both people, read receipts included.
    const reply = published.find((i) => i.channel === 'messages' && i.data.id === zhThread[1]!.id)!;
    assert.deepEqual(reply.audience, ['supervisor:s-admin', `agent:${zh.agentId}`]);
    assert.ok(published.some((i) => i.channel === 'reads' && i.data.agentId === zh.agentId && i.data.reader === 'agent'));
  });

  it('answers a burst of messages once', async () => {
    const [agent] = await signedIn(() => true);
    assert.ok(agent);
    for (const body of ['One thing', 'and another', 'and a third']) await chat.send(admin, agent.agentId, body, 's-admin');
    await pass(61 * SECOND);
    const answered = await threadOf(agent.agentId, 4);
    assert.deepEqual(answered.map((m) => m.sender), ['supervisor', 'supervisor', 'supervisor', 'agent']);
    assert.ok(answered.slice(0, 3).every((m) => m.readAt !== null));
  });

  it('leaves signed-out agents silent, and an agent whose desk a person has open to them', async () => {
    const away = [...floor.state.agents.values()].find((a) => a.state === 'signed_out') ?? {
      agentId: [...floor.directory.agents.keys()].find((id) => !floor.state.agents.has(id))!,
    };
    const [person, control] = await signedIn(() => true);
    assert.ok(away.agentId && person && control);
    attended.add(person.agentId);
    for (const agentId of [away.agentId, person.agentId, control.agentId]) await chat.send(admin, agentId, 'Are you there?', 's-admin');
    await pass(61 * SECOND);
    // An agent who does answer, written to at the same moment: once their reply is in, any other would be too.
    await threadOf(control.agentId, 2);
    assert.deepEqual((await thread(away.agentId)).map((m) => [m.sender, m.readAt]), [['supervisor', null]]);
    assert.deepEqual((await thread(person.agentId)).map((m) => [m.sender, m.readAt]), [['supervisor', null]]);
  });
});
