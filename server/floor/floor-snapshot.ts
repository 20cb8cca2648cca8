import { eq } from 'drizzle-orm';
import type { Store } from '../db/store.js';
import type { Directory } from '../directory/directory.js';
import { emptyFloor, type FloorState, type LiveAgent, type LiveCall } from '../domain/floor-state.js';
import { FloorTimeline, NO_WATERMARK } from '../domain/floor-timeline.js';
import { eventsSince } from '../ingest/event-log.js';
import { LiveFloor } from './live-floor.js';

/**
 * The floor survives restarts (kill -9 included): its settled part is saved now
 * and then, and on start the events logged since are replayed on top of it.
 */

interface SavedFloor {
  agents: LiveAgent[];
  calls: LiveCall[];
}

export async function saveFloor(store: Store, floor: LiveFloor, now = Date.now()): Promise<void> {
  const { state, watermark } = floor.timeline.settled;
  const saved: SavedFloor = { agents: [...state.agents.values()], calls: [...state.calls.values()] };
  const row = { lastSeq: floor.lastSeq, watermark, state: JSON.stringify(saved), savedAt: now };
  const { floorSnapshots } = store.tables;
  await store.transaction(async (tx) => {
    await tx.db.insert(floorSnapshots).values({ id: 1, ...row }).onConflictDoUpdate({ target: floorSnapshots.id, set: row });
  });
}

export async function restoreFloor(store: Store, directory: Directory): Promise<LiveFloor> {
  const { floorSnapshots } = store.tables;
  const [row] = await store.db.select().from(floorSnapshots).where(eq(floorSnapshots.id, 1));
  const base: FloorState = emptyFloor();
  if (row) {
    const saved = JSON.parse(row.state) as SavedFloor;
    for (const a of saved.agents) base.agents.set(a.agentId, a);
    for (const c of saved.calls) base.calls.set(c.callId, c);
  }
  const floor = new LiveFloor(directory, new FloorTimeline(base, row?.watermark ?? NO_WATERMARK), row?.lastSeq ?? 0);
  for await (const batch of eventsSince(store, row?.lastSeq ?? 0, row?.watermark ?? NO_WATERMARK)) floor.apply(batch);
  floor.takeDirty();
  return floor;
}
