/**
 * The test centre: the queues, people and secrets of every suite, server and widgets
 * alike, in two arrangements. Plain data: loaded by Node and by the browser.
 */

export const INTEGRATION_KEY = 'test-integration-secret';
export const DISPLAY_TOKEN = 'test-display-secret-0001';
export const INTEGRATION = { authorization: `Bearer ${INTEGRATION_KEY}` };
export const DISPLAY = { authorization: `Bearer ${DISPLAY_TOKEN}` };

const SALES = 'q-sales';
const SUPPORT = 'q-support';

const supervisor = (id: string, name: string, queues: string[]) => ({ id: `s-${id}`, name, email: `${id}@example.com`, password: `${id}-password`, queues });

const premises = {
  locations: ['Shanghai', 'Austin'],
  queues: [
    { id: SALES, name: 'Sales', location: 'Shanghai', serviceLevelSeconds: 20 },
    { id: SUPPORT, name: 'Support', location: 'Austin', serviceLevelSeconds: 30 },
  ],
  integrationKeys: [{ id: 'pbx', secret: INTEGRATION_KEY }],
  displayTokens: [{ id: 'wall', secret: DISPLAY_TOKEN, queues: [SUPPORT] }],
};

const liNa = { id: 'a-1', name: '李娜', location: 'Shanghai' };
const wangWei = { id: 'a-2', name: 'Wang Wei', location: 'Shanghai' };
const olivia = { id: 'a-3', name: 'Olivia Smith', location: 'Austin', queues: [SUPPORT] };
const resolved = { id: 'w-resolved', name: 'Resolved' };

/**
 * The server suites' centre, whose numbers are easy to reason about:
 * Ava supervises Sales, Ben supervises Support, Sam (admin) both;
 * a-1, a-2 are in Sales, a-3 in Support, a-4 in both.
 */
export const centre = {
  ...premises,
  agents: [
    { ...liNa, email: 'li.na@example.com', queues: [SALES] },
    { ...wangWei, queues: [SALES] },
    olivia,
    { id: 'a-4', name: '<img src=x onerror=alert(1)>', location: 'Austin', queues: [SALES, SUPPORT] },
  ],
  supervisors: [supervisor('ava', 'Ava', [SALES]), supervisor('ben', 'Ben', [SUPPORT]), { ...supervisor('sam', 'Sam', [SALES, SUPPORT]), admin: true }],
  wrapupReasons: [resolved, { id: 'w-followup', name: 'Follow-up needed' }],
};

/**
 * The widget suites' centre: five agents (one with a Chinese name, one with HTML for
 * a name that flags the page if it ever runs), Ava and Ben supervising both queues,
 * Sam the admin with no queues of his own (so no agent's desk lists him), the wallboard
 * token for Support; 李娜 signs in to the agent desk with a password.
 */
export const widgetCentre = {
  ...premises,
  agents: [
    { ...liNa, queues: [SALES], password: 'li-na-desk-password' },
    { ...wangWei, queues: [SALES, SUPPORT] },
    olivia,
    { id: 'a-4', name: '<img src=x onerror="window.__pwned=1">', location: 'Austin', queues: [SALES] },
    { id: 'a-5', name: 'Ben Carter', location: 'Austin', queues: [SUPPORT] },
  ],
  supervisors: [supervisor('ava', 'Ava', [SALES, SUPPORT]), supervisor('ben', 'Ben', [SALES, SUPPORT]), { ...supervisor('sam', 'Sam', []), admin: true }],
  wrapupReasons: [resolved],
  // Raised at the server's next evaluation (every 5 s), not 10 s after: tests wait for the alert itself.
  alerts: { raiseAfterSeconds: 0 },
};

/** The widgets' centre with translations of one queue, the wrap-up reason and a state reason; Support stays untranslated. */
export const translatedCentre = {
  ...widgetCentre,
  queues: widgetCentre.queues.map((q) => (q.id === SALES ? { ...q, names: { 'zh-CN': '销售' } } : q)),
  wrapupReasons: [{ ...resolved, names: { 'zh-CN': '问题已解决' } }],
  stateReasons: [{ name: 'Lunch', names: { 'zh-CN': '午餐' } }, { name: 'Break', names: { 'zh-CN': '休息' } }],
};

/** A centre of `agents` agents over `queues` queues (each agent in one or two), for scale tests. */
export function largeCentre(agents: number, queues: number) {
  const queueIds = Array.from({ length: queues }, (_, i) => `q-${i + 1}`);
  return {
    ...widgetCentre,
    queues: queueIds.map((id, i) => ({ id, name: `Queue ${i + 1}`, location: i % 2 ? 'Austin' : 'Shanghai', serviceLevelSeconds: 20 })),
    agents: Array.from({ length: agents }, (_, i) => ({
      id: `a-${i + 1}`,
      name: `Agent ${String(i + 1).padStart(4, '0')}`,
      location: i % 2 ? 'Austin' : 'Shanghai',
      queues: [...new Set([queueIds[i % queues]!, queueIds[(i * 7) % queues]!])],
    })),
    supervisors: widgetCentre.supervisors.map((s) => ({ ...s, queues: queueIds })),
    displayTokens: widgetCentre.displayTokens.map((d) => ({ ...d, queues: queueIds.slice(0, 1) })),
  };
}
