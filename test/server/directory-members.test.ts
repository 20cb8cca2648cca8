import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Directory } from '../../server/directory/directory.js';
import { parseDirectoryFile } from '../../server/directory/directory-file.js';
import { directoryFileProblems as problems } from './directory-file-problems.js';
import { interfaceKey } from '../../server/directory/pbx-interface.js';
import { upsertDirectory } from '../../server/directory/upsert-directory.js';
import { asteriskCallId, asteriskEventId, atSecond } from '../../server/platforms/asterisk/asterisk-ids.js';
import { centre, startHarness, type Harness } from './harness.js';

/** The small test centre mapped onto a FreePBX: li na by her phone and her queue member, Ava by her desk phone. */
const mapped = {
  ...centre,
  agents: centre.agents.map((a) =>
    a.id === 'a-1' ? { ...a, members: ['PJSIP/1001', 'Local/1001@from-queue/n'] } : a.id === 'a-2' ? { ...a, members: ['Agent/1002'] } : a,
  ),
  supervisors: centre.supervisors.map((s) => (s.id === 's-ava' ? { ...s, device: 'PJSIP/2001' } : s)),
};

const withMembers = (members: Record<string, string[]>) => ({
  ...centre,
  agents: centre.agents.map((a) => (members[a.id] ? { ...a, members: members[a.id] } : a)),
});

describe('PBX interfaces', () => {
  it('reduces an interface, its dial options and its channels to one key', () => {
    assert.equal(interfaceKey('PJSIP/1001'), 'pjsip/1001');
    assert.equal(interfaceKey('pjsip/1001-0000002a'), 'pjsip/1001');
    assert.equal(interfaceKey('Local/1001@from-queue/n'), 'local/1001@from-queue');
    assert.equal(interfaceKey('Local/1001@from-queue-0000001b;2'), 'local/1001@from-queue');
    assert.equal(interfaceKey('Agent/1001'), 'agent/1001');
  });

  it('keeps resources apart that only look alike', () => {
    assert.notEqual(interfaceKey('PJSIP/1001'), interfaceKey('PJSIP/10010'));
    assert.notEqual(interfaceKey('PJSIP/trunk-provider'), interfaceKey('PJSIP/trunk'));
    assert.notEqual(interfaceKey('Local/1001@from-queue'), interfaceKey('Local/1001@from-internal'));
  });
});

describe('directory members and devices: the file', () => {
  it('accepts agents without members and supervisors without a device, as before', () => {
    const file = parseDirectoryFile(centre, 'centre.json');
    assert.equal(file.agents[0]!.members, undefined);
    assert.equal(file.supervisors[0]!.device, undefined);
  });

  it('names both agents of an interface used twice, in any of its spellings', () => {
    const message = problems(withMembers({ 'a-1': ['Local/1001@from-queue/n'], 'a-3': ['local/1001@from-queue'] }));
    assert.match(message, /agents\[2\]\.members\[0\]: interface "local\/1001@from-queue" is used by two agents, "a-1" and "a-3"/);
  });

  it('refuses an interface listed twice for one agent', () => {
    assert.match(problems(withMembers({ 'a-1': ['PJSIP/1001', 'pjsip/1001'] })), /agents\[0\]\.members\[1\]: interface "pjsip\/1001" is listed twice/);
  });

  it('refuses a member or device that is not TECH/resource', () => {
    assert.match(problems(withMembers({ 'a-1': ['1001'] })), /agents\[0\]\.members\[0\]: expected an interface as the PBX names it/);
    const file = { ...centre, supervisors: centre.supervisors.map((s) => ({ ...s, device: 'desk phone' })) };
    assert.match(problems(file), /supervisors\[0\]\.device: expected an interface as the PBX names it/);
  });
});

describe('directory members and devices: stored and looked up', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({ centre: mapped });
  });
  after(() => h.close());

  it('finds the agent of an interface, of its FreePBX Local form and of a channel on it', () => {
    const { directory } = h.services;
    assert.equal(directory.agentOfInterface('PJSIP/1001')?.id, 'a-1');
    assert.equal(directory.agentOfInterface('PJSIP/1001-00000007')?.id, 'a-1');
    assert.equal(directory.agentOfInterface('Local/1001@from-queue-0000000c;1')?.id, 'a-1');
    assert.equal(directory.agentOfInterface('Agent/1002')?.id, 'a-2');
    assert.equal(directory.agentOfInterface('PJSIP/1003'), undefined);
  });

  it('keeps the members as written and the supervisor device', () => {
    const { directory } = h.services;
    assert.deepEqual([...directory.agents.get('a-1')!.members].sort(), ['Local/1001@from-queue/n', 'PJSIP/1001']);
    assert.equal(directory.supervisors.get('s-ava')!.device, 'PJSIP/2001');
    assert.equal(directory.supervisors.get('s-ben')!.device, null);
  });

  it('moves an interface to the agent a later file gives it, even from an agent that file no longer lists', async () => {
    const later = parseDirectoryFile({ ...centre, agents: [{ ...centre.agents[1]!, members: ['PJSIP/1001'] }] }, 'later.json');
    await upsertDirectory(h.services.store, later);
    const directory = await Directory.load(h.services.store);
    assert.equal(directory.agentOfInterface('PJSIP/1001')?.id, 'a-2');
    assert.deepEqual(directory.agents.get('a-1')!.members, ['Local/1001@from-queue/n']);
    assert.deepEqual(directory.agents.get('a-2')!.members, ['PJSIP/1001']);
  });
});

describe('Asterisk event ids', () => {
  it('gives the same fact the same id and different facts different ids', () => {
    const at = Date.parse('2026-12-07T10:00:00.700Z');
    const offered = asteriskEventId('1700000000.12', 'offered', 'a-1', atSecond(at));
    assert.equal(offered, asteriskEventId('1700000000.12', 'offered', 'a-1', atSecond(at + 200)));
    assert.notEqual(offered, asteriskEventId('1700000000.12', 'offered', 'a-1', atSecond(at + 1000)));
    assert.notEqual(offered, asteriskEventId('1700000000.12', 'offered', 'a-2', atSecond(at)));
    assert.equal(asteriskCallId('1700000000.12'), 'ast-1700000000.12');
  });

  it('keeps an id printable and its parts apart whatever they hold', () => {
    const id = asteriskEventId('a b', 'paused', 'x:y');
    assert.match(id, /^[\x21-\x7e]+$/);
    assert.notEqual(asteriskEventId('a', 'b:c'), asteriskEventId('a:b', 'c'));
  });
});
