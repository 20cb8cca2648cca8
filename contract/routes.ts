import type {
  AdminAgentAnswer,
  AdminAgentList,
  AdminQueueAnswer,
  AdminQueueList,
  AdminSupervisorAnswer,
  AdminSupervisorList,
  AdminWrapupReasonAnswer,
  AdminWrapupReasonList,
  CreateAgentBody,
  CreateDisplayTokenBody,
  CreateIntegrationKeyBody,
  CreateQueueBody,
  CreateSupervisorBody,
  CreateWrapupReasonBody,
  DirectoryChangePage,
  DirectoryChangesQuery,
  DisplayTokenAnswer,
  DisplayTokenCreated,
  DisplayTokenList,
  IntegrationKeyAnswer,
  IntegrationKeyCreated,
  IntegrationKeyList,
  UpdateAgentBody,
  UpdateDisplayTokenBody,
  UpdateIntegrationKeyBody,
  UpdateQueueBody,
  UpdateSupervisorBody,
  UpdateWrapupReasonBody,
} from './admin.js';
import type { AlertAnswer, AlertList, AlertsQuery, HandAnswer, RaiseHandBody } from './alerts.js';
import type { AgentLoginBody, AgentSession, LoginBody, OidcStartQuery, Session, SessionProbe, SignInMethods, StreamTicket } from './auth.js';
import type { ChatMessage, ChatPage, ChatPageQuery, ConversationList, MarkReadBody, ReadAnswer, SendMessageBody } from './chat.js';
import type { CommandAccepted, MonitorRequest, StateChange, StateReasonList } from './commands.js';
import type { AgentList, QueueList, QueueTrend, QueueTrendQuery } from './live.js';
import type { CreateReportBody, CsvQuery, ReportCreated, ReportList } from './reports.js';
import type { AgentStats, CallPage, CallsQuery, QueueStats, RankedQuery, WrapupStats } from './stats.js';
import type { StreamQuery } from './stream.js';
import type { CompleteWrapupBody, WrapupCompleted, WrapupReasonList } from './wrapup.js';

/**
 * The routes clients call, by `METHOD /path` below `/api/v1` (as the OpenAPI document names
 * them): what each takes in its query and body, and what it answers. Path parameters come from
 * the `{name}`s of the path. Only types: a widget calls through it without carrying zod.
 */
export interface ApiRoutes {
  'POST /auth/login': { body: LoginBody; response: Session };
  'GET /auth/session': { response: SessionProbe };
  'POST /auth/stream-ticket': { response: StreamTicket };
  'POST /auth/agent-login': { body: AgentLoginBody; response: AgentSession };
  'GET /auth/methods': { response: SignInMethods };
  /** A page goes there (a navigation, not a fetch): the provider's sign-in, then back to `returnTo` with the session cookie. */
  'GET /auth/oidc/start': { query: OidcStartQuery; response: never };
  'GET /stream': { query: StreamQuery; response: never };

  'GET /agents': { response: AgentList };
  'GET /queues': { response: QueueList };
  'GET /queues/trend': { query: QueueTrendQuery; response: QueueTrend };
  'GET /state-reasons': { response: StateReasonList };

  'POST /agents/{id}/state': { body: StateChange; response: CommandAccepted };
  'POST /agents/{id}/sign-out': { response: CommandAccepted };
  'PUT /agents/{id}/queues/{queueId}': { response: CommandAccepted };
  'DELETE /agents/{id}/queues/{queueId}': { response: CommandAccepted };
  'POST /agents/{id}/monitor': { body: MonitorRequest; response: CommandAccepted };
  'DELETE /agents/{id}/monitor': { response: CommandAccepted };

  'GET /agents/{id}/hand': { response: HandAnswer };
  'POST /agents/{id}/hand': { body: RaiseHandBody; response: HandAnswer };
  'DELETE /agents/{id}/hand': { response: HandAnswer };

  'GET /agents/{id}/wrapup-reasons': { response: WrapupReasonList };
  'POST /agents/{id}/wrapup': { body: CompleteWrapupBody; response: WrapupCompleted };

  'GET /agents/{id}/messages': { query: ChatPageQuery; response: ChatPage };
  'POST /agents/{id}/messages': { body: SendMessageBody; response: ChatMessage };
  'POST /agents/{id}/messages/read': { body: MarkReadBody; response: ReadAnswer };
  'GET /conversations': { response: ConversationList };

  'GET /alerts': { query?: AlertsQuery; response: AlertList };
  'POST /alerts/{id}/ack': { response: AlertAnswer };

  'GET /reports': { response: ReportList };
  'POST /reports': { body: CreateReportBody; response: ReportCreated };
  'DELETE /reports/{id}': { response: undefined };
  'GET /reports/{id}/csv': { query: CsvQuery; response: string };

  'GET /stats/agents': { query: RankedQuery; response: AgentStats };
  'GET /stats/queues': { query: RankedQuery; response: QueueStats };
  'GET /stats/wrapups': { query: RankedQuery; response: WrapupStats };
  'GET /stats/calls': { query: CallsQuery; response: CallPage };

  'GET /admin/queues': { response: AdminQueueList };
  'POST /admin/queues': { body: CreateQueueBody; response: AdminQueueAnswer };
  'PATCH /admin/queues/{id}': { body: UpdateQueueBody; response: AdminQueueAnswer };
  'POST /admin/queues/{id}/retire': { response: AdminQueueAnswer };
  'GET /admin/agents': { response: AdminAgentList };
  'POST /admin/agents': { body: CreateAgentBody; response: AdminAgentAnswer };
  'PATCH /admin/agents/{id}': { body: UpdateAgentBody; response: AdminAgentAnswer };
  'PUT /admin/agents/{id}/queues/{queueId}': { response: AdminAgentAnswer };
  'DELETE /admin/agents/{id}/queues/{queueId}': { response: AdminAgentAnswer };
  'POST /admin/agents/{id}/retire': { response: AdminAgentAnswer };
  'GET /admin/supervisors': { response: AdminSupervisorList };
  'POST /admin/supervisors': { body: CreateSupervisorBody; response: AdminSupervisorAnswer };
  'PATCH /admin/supervisors/{id}': { body: UpdateSupervisorBody; response: AdminSupervisorAnswer };
  'POST /admin/supervisors/{id}/retire': { response: AdminSupervisorAnswer };
  'GET /admin/wrapup-reasons': { response: AdminWrapupReasonList };
  'POST /admin/wrapup-reasons': { body: CreateWrapupReasonBody; response: AdminWrapupReasonAnswer };
  'PATCH /admin/wrapup-reasons/{id}': { body: UpdateWrapupReasonBody; response: AdminWrapupReasonAnswer };
  'POST /admin/wrapup-reasons/{id}/retire': { response: AdminWrapupReasonAnswer };
  'GET /admin/integration-keys': { response: IntegrationKeyList };
  'POST /admin/integration-keys': { body: CreateIntegrationKeyBody; response: IntegrationKeyCreated };
  'PATCH /admin/integration-keys/{id}': { body: UpdateIntegrationKeyBody; response: IntegrationKeyAnswer };
  'POST /admin/integration-keys/{id}/revoke': { response: IntegrationKeyAnswer };
  'GET /admin/display-tokens': { response: DisplayTokenList };
  'POST /admin/display-tokens': { body: CreateDisplayTokenBody; response: DisplayTokenCreated };
  'PATCH /admin/display-tokens/{id}': { body: UpdateDisplayTokenBody; response: DisplayTokenAnswer };
  'POST /admin/display-tokens/{id}/revoke': { response: DisplayTokenAnswer };
  'GET /admin/audit': { query?: DirectoryChangesQuery; response: DirectoryChangePage };
}

export type RouteName = keyof ApiRoutes;

/** `{id: string, queueId: string}` for `/agents/{id}/queues/{queueId}`. */
type PathParams<P extends string> = P extends `${string}{${infer Name}}${infer Rest}` ? Record<Name, string> & PathParams<Rest> : unknown;

/** What a call of the route sends: its path's parameters (when it has any), its query and its body. */
export type RouteRequest<R extends RouteName> = Omit<ApiRoutes[R], 'response'> & (R extends `${string}{${string}` ? { params: PathParams<R> } : { params?: never });

export type RouteResponse<R extends RouteName> = ApiRoutes[R]['response'];
