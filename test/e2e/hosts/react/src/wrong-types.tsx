import { FvAgentList, FvQueueRealtime } from 'floorview/react';

/**
 * Never rendered, only type-checked: each line below is a mistake the package's types must
 * catch. Were a prop or an event untyped (`any`), its `@ts-expect-error` would be unused, and
 * that is itself an error.
 */
export const mistakes = [
  // @ts-expect-error `view` is 'list' or 'queue'
  <FvAgentList view="grid" />,
  // @ts-expect-error `notify` is a boolean
  <FvAgentList notify="yes" />,
  // @ts-expect-error the agent list fires no queue level changes
  <FvAgentList onFvQueueLevelChange={() => {}} />,
  // @ts-expect-error fv-agent-chat carries an agentId, not an error code
  <FvAgentList onFvAgentChat={(event) => event.code} />,
  // @ts-expect-error fv-queue-level-change's level is 'ok', 'warn' or 'alert'
  <FvQueueRealtime onFvQueueLevelChange={(event) => event.level === 'red'} />,
];
