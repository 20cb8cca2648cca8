import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Store } from '../../server/db/store.js';
import { Directory } from '../../server/directory/directory.js';
import { importDirectoryFile } from '../../server/directory/directory-import.js';
import { generateCentre } from '../../server/directory/generate-centre.js';
import { centre } from '../support/centre.js';
import { openTestStore } from '../support/test-store.js';

/** The directory file's import at start, on the store alone: what it writes, what it keeps, and the Directory read back. */
describe('the directory file imported into the store', () => {
  let dir: string;
  let store: Store;
  const importing = (name: string, content: object) => {
    const path = join(dir, name);
    writeFileSync(path, JSON.stringify(content));
    return importDirectoryFile(store, path, Date.now);
  };

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'floorview-directory-import-'));
    store = await openTestStore(dir);
  });
  after(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports the file into an empty store, and again only when its content changed', async () => {
    const withMembers = { ...centre, agents: centre.agents.map((a) => (a.id === 'a-2' ? { ...a, members: ['PJSIP/2002'] } : a)) };
    assert.equal((await importing('centre.json', withMembers)).imported, true);
    assert.equal((await importing('centre.json', withMembers)).imported, false);
    const directory = await Directory.load(store);
    assert.deepEqual([...directory.queues.keys()].sort(), ['q-sales', 'q-support']);
    assert.deepEqual(directory.agents.get('a-4')?.queues, ['q-sales', 'q-support']);
    assert.equal(directory.agentOfInterface('PJSIP/2002-0000002a')?.id, 'a-2');
    assert.deepEqual({ ...directory.supervisors.get('s-sam') }, { id: 's-sam', name: 'Sam', email: 'sam@example.com', isAdmin: true, device: null, queues: ['q-sales', 'q-support'] });
  });

  it('brings the entries the file lists in line with it, keeps the others, and gives the file’s interfaces to its agents', async () => {
    const changed = {
      ...centre,
      queues: centre.queues.map((q) => (q.id === 'q-sales' ? { ...q, name: 'Sales EU', names: { 'zh-CN': '欧洲销售' } } : q)),
      // a-2 is no longer listed: it stays, but gives up the interface the file now names for a-1.
      agents: centre.agents.filter((a) => a.id !== 'a-2').map((a) => (a.id === 'a-1' ? { ...a, queues: ['q-support'], members: ['PJSIP/2002'] } : a)),
      stateReasons: [{ name: 'Lunch', names: { 'zh-CN': '午餐' } }],
    };
    assert.equal((await importing('centre.json', changed)).imported, true);
    const directory = await Directory.load(store);
    const { name, names } = directory.nameOfQueue('q-sales');
    assert.deepEqual({ name, names }, { name: 'Sales EU', names: { 'zh-CN': '欧洲销售' } });
    assert.deepEqual(directory.agents.get('a-1')?.queues, ['q-support']);
    assert.deepEqual(directory.agents.get('a-2'), { id: 'a-2', name: 'Wang Wei', location: 'Shanghai', email: null, queues: ['q-sales'], members: [] });
    assert.equal(directory.agentOfInterface('PJSIP/2002')?.id, 'a-1');
    assert.deepEqual(directory.nameOfStateReason('午餐'), { name: 'Lunch', names: { 'zh-CN': '午餐' } });
  });

  it('imports a centre larger than one statement’s rows whole', async () => {
    const large = generateCentre({ agents: 1_200, queues: 8, seed: 3 });
    assert.equal((await importing('large.json', large)).imported, true);
    const directory = await Directory.load(store);
    for (const agent of large.agents) assert.deepEqual(directory.agents.get(agent.id)?.queues, [...new Set(agent.queues)].sort(), agent.id);
  });
});
