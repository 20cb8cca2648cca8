import { eventFactory, type TestServer } from './test-server.js';

/**
 * A finished day for the history widgets, Monday 2 March 2026 (UTC), in the
 * widget tests' centre (support/centre.ts):
 *  h1 Sales: rings 李娜 15 s (bounced), Wang Wei answers after 5 s, 30 s on hold, 85 s connected; wrap-up 40 s
 *  h2 Sales: the caller gives up after 30 s in the queue
 *  h3 Support: Olivia Smith answers after 2 s, 60 s; wrap-up 10 s
 *  h4 outbound by the agent with an HTML name: answered after 8 s, 60 s
 */
export const HISTORY_DAY = '2026-03-02';

export async function historyCalls(server: TestServer): Promise<void> {
  const ev = eventFactory(Date.parse(`${HISTORY_DAY}T09:00:00Z`));
  await server.events(
    ev('call.queued', 0, { callId: 'h1', queueId: 'q-sales' }),
    ev('call.offered', 2, { callId: 'h1', agentId: 'a-1' }),
    ev('call.bounced', 17, { callId: 'h1', agentId: 'a-1' }),
    ev('call.offered', 20, { callId: 'h1', agentId: 'a-2' }),
    ev('call.answered', 25, { callId: 'h1', agentId: 'a-2' }),
    ev('call.held', 60, { callId: 'h1' }),
    ev('call.resumed', 90, { callId: 'h1' }),
    ev('call.ended', 110, { callId: 'h1', by: 'caller' }),
    ev('wrapup.started', 110, { agentId: 'a-2', callId: 'h1' }),
    ev('wrapup.completed', 150, { agentId: 'a-2', callId: 'h1', reasonId: 'w-resolved' }),
    ev('call.queued', 300, { callId: 'h2', queueId: 'q-sales' }),
    ev('call.ended', 330, { callId: 'h2', by: 'caller', outcome: 'abandoned' }),
    ev('call.queued', 3600, { callId: 'h3', queueId: 'q-support' }),
    ev('call.offered', 3601, { callId: 'h3', agentId: 'a-3' }),
    ev('call.answered', 3603, { callId: 'h3', agentId: 'a-3' }),
    ev('call.ended', 3663, { callId: 'h3', by: 'agent' }),
    ev('wrapup.started', 3663, { agentId: 'a-3', callId: 'h3' }),
    ev('wrapup.completed', 3673, { agentId: 'a-3', callId: 'h3', reasonId: 'w-resolved' }),
    ev('call.dialed', 7200, { callId: 'h4', agentId: 'a-4' }),
    ev('call.answered', 7208, { callId: 'h4', agentId: 'a-4' }),
    ev('call.ended', 7268, { callId: 'h4', by: 'agent' }),
  );
}

/** What a captured CSV download contains. */
export async function captureCsv(click: () => void): Promise<{ name: string; text: string }> {
  const original = URL.createObjectURL;
  let blob: Blob | null = null;
  let name = '';
  const anchorClick = HTMLAnchorElement.prototype.click;
  URL.createObjectURL = (b: Blob | MediaSource) => {
    blob = b as Blob;
    return 'blob:captured';
  };
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    name = this.download;
  };
  try {
    click();
  } finally {
    URL.createObjectURL = original;
    HTMLAnchorElement.prototype.click = anchorClick;
  }
  if (!blob) throw new Error('nothing was downloaded');
  // Bytes, not text(): text() would drop the byte-order mark.
  const bytes = new Uint8Array(await (blob as Blob).arrayBuffer());
  return { name, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes) };
}
