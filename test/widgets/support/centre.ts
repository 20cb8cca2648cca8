/**
 * The directory of the widget tests' servers: two queues, five agents (one with
 * a Chinese name, one with HTML for a name), Ava and Ben supervising both queues,
 * a wallboard token for Support; 李娜 signs in to the agent desk with a password.
 * Plain data: loaded by Node and by the browser.
 */
export const centre = {
  locations: ['Shanghai', 'Austin'],
  queues: [
    { id: 'q-sales', name: 'Sales', location: 'Shanghai', serviceLevelSeconds: 20 },
    { id: 'q-support', name: 'Support', location: 'Austin', serviceLevelSeconds: 30 },
  ],
  agents: [
    { id: 'a-1', name: '李娜', location: 'Shanghai', queues: ['q-sales'], password: 'li-na-desk-password' },
    { id: 'a-2', name: 'Wang Wei', location: 'Shanghai', queues: ['q-sales', 'q-support'] },
    { id: 'a-3', name: 'Olivia Smith', location: 'Austin', queues: ['q-support'] },
    { id: 'a-4', name: '<img src=x onerror="window.__pwned=1">', location: 'Austin', queues: ['q-sales'] },
    { id: 'a-5', name: 'Ben Carter', location: 'Austin', queues: ['q-support'] },
  ],
  supervisors: [
    { id: 's-ava', name: 'Ava', email: 'ava@example.com', password: 'ava-password', queues: ['q-sales', 'q-support'] },
    { id: 's-ben', name: 'Ben', email: 'ben@example.com', password: 'ben-password', queues: ['q-sales', 'q-support'] },
  ],
  wrapupReasons: [{ id: 'w-resolved', name: 'Resolved' }],
  integrationKeys: [{ id: 'pbx', secret: 'test-integration-secret' }],
  displayTokens: [{ id: 'wall', secret: 'test-display-secret-0001', queues: ['q-support'] }],
  // Raised at the server's next evaluation (every 5 s), not 10 s after: tests wait for the alert itself.
  alerts: { raiseAfterSeconds: 0 },
};

/** The same centre with translations of one queue, the wrap-up reason and a state reason; Support stays untranslated. */
export const translatedCentre = {
  ...centre,
  queues: centre.queues.map((q) => (q.id === 'q-sales' ? { ...q, names: { 'zh-CN': '销售' } } : q)),
  wrapupReasons: [{ id: 'w-resolved', name: 'Resolved', names: { 'zh-CN': '问题已解决' } }],
  stateReasons: [{ name: 'Lunch', names: { 'zh-CN': '午餐' } }, { name: 'Break', names: { 'zh-CN': '休息' } }],
};

export const DISPLAY_TOKEN = 'test-display-secret-0001';

/** A centre of `agents` agents over `queues` queues (each agent in one or two), for scale tests and the benchmark. */
export function largeCentre(agents: number, queues: number) {
  const queueIds = Array.from({ length: queues }, (_, i) => `q-${i + 1}`);
  return {
    ...centre,
    queues: queueIds.map((id, i) => ({ id, name: `Queue ${i + 1}`, location: i % 2 ? 'Austin' : 'Shanghai', serviceLevelSeconds: 20 })),
    agents: Array.from({ length: agents }, (_, i) => ({
      id: `a-${i + 1}`,
      name: `Agent ${String(i + 1).padStart(4, '0')}`,
      location: i % 2 ? 'Austin' : 'Shanghai',
      queues: [...new Set([queueIds[i % queues]!, queueIds[(i * 7) % queues]!])],
    })),
    supervisors: centre.supervisors.map((s) => ({ ...s, queues: queueIds })),
    displayTokens: centre.displayTokens.map((d) => ({ ...d, queues: queueIds.slice(0, 1) })),
  };
}
