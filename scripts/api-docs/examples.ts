// The live example of each widget on the docs page: markup a page would write, shown as code and run
// against the server that serves the page once someone is signed in (docs/docs.js).

export interface Example {
  markup: string;
  /** What the page does beyond the markup, said beside it. */
  note?: string;
}

export const EXAMPLES: Record<string, Example> = {
  'fv-provider': {
    markup: '<fv-provider lang="zh-CN">\n  <fv-queue-realtime view="tiles" trend="none"></fv-queue-realtime>\n</fv-provider>',
    note: 'The live queues inside take the provider’s language.',
  },
  'fv-agent-list': { markup: '<fv-agent-list sort="state"></fv-agent-list>' },
  'fv-queue-realtime': { markup: '<fv-queue-realtime warn-waiting="3" alert-waiting="6" trend="total"></fv-queue-realtime>' },
  'fv-chat': { markup: '<fv-chat agent-id="a-001"></fv-chat>' },
  'fv-agent-desk': {
    markup: '<fv-agent-desk></fv-agent-desk>',
    note: 'The page gives it the token of the demo agent a-007 (POST /api/v1/auth/agent-login); without one it shows its own sign-in.',
  },
  'fv-agent-stats': { markup: '<fv-agent-stats range="last7"></fv-agent-stats>' },
  'fv-queue-history': { markup: '<fv-queue-history range="last7"></fv-queue-history>' },
  'fv-wrapup-stats': { markup: '<fv-wrapup-stats range="last7"></fv-wrapup-stats>' },
  'fv-wrapup-reports': { markup: '<fv-wrapup-reports range="yesterday"></fv-wrapup-reports>' },
  'fv-directory-admin': {
    markup: '<fv-directory-admin section="supervisors"></fv-directory-admin>',
    note: 'Admins only: signed in as admin@example.com it manages the demo centre’s directory; another supervisor is told it is for admins.',
  },
};
