import type { Names } from '../../widgets/core/local-name.js';
import type { AlertRule } from './alert-rules.js';

/** An alert as the API and the stream send it (`GET /alerts`, the stream's `alerts`). */
export interface Alert {
  id: number;
  rule: AlertRule;
  queueId: string | null;
  queueName: string | null;
  queueNames: Names;
  agentId: string | null;
  agentName: string | null;
  /** The rule's limit, in its unit: a count, seconds, or a share 0–1 (service level). */
  threshold: number;
  /** The figure that crossed it, when raised. */
  value: number;
  raisedAt: string;
  /** Null while the alert is open. */
  clearedAt: string | null;
  acknowledged: { supervisorId: string; supervisorName: string; at: string } | null;
  /** A raised hand's line of text; null otherwise. */
  note: string | null;
}
