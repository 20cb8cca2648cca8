/** Posts events to a Floorview server's ingestion API as a platform would, for the benchmarks. */

let eventId = 0;

/** An event with an id unique over the bench process, stamped now. */
export function benchEvent(type: string, fields: object): object {
  return { id: `bench-${++eventId}`, type, at: new Date().toISOString(), ...fields };
}

export async function postEvents(url: string, integrationKey: string, events: object[]): Promise<void> {
  const res = await fetch(`${url}/api/v1/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${integrationKey}` },
    body: JSON.stringify({ events }),
  });
  if (res.status !== 200) throw new Error(`ingest: ${res.status} ${await res.text()}`);
}

/** Every agent signed in, in their queues and available: a floor whose rows the load then changes. */
export function openingEvents(agents: readonly { id: string; queues: readonly string[] }[]): object[] {
  return agents.flatMap((a) => [
    benchEvent('agent.signed_in', { agentId: a.id }),
    ...a.queues.map((queueId) => benchEvent('agent.queue_joined', { agentId: a.id, queueId })),
    benchEvent('agent.state_changed', { agentId: a.id, state: 'available' }),
  ]);
}
