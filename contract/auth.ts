import { z } from '@hono/zod-openapi';
import { onceValid } from './once-valid.js';

/** Who is signed in, and how: supervisor sessions, agent desk sessions, wallboards, stream tickets. */

const supervisorSchema = z
  .object({ id: z.string(), name: z.string(), email: z.string(), isAdmin: z.boolean(), queues: z.array(z.string()) })
  .openapi('Supervisor');

export const loginBody = z.object({ email: z.string().min(1).max(320), password: z.string().min(1).max(1024) }).openapi('Login');

export const sessionSchema = z.object({ token: z.string(), expiresAt: z.string(), supervisor: supervisorSchema }).openapi('Session');

export const viewerSchema = z
  .object({
    kind: z.enum(['supervisor', 'display', 'agent']),
    id: z.string(),
    name: z.string().optional(),
    isAdmin: z.boolean(),
    queues: z.array(z.string()),
    expiresAt: z.string().nullable(),
  })
  .openapi('Viewer');

export const sessionProbeSchema = z
  .union([z.object({ signedIn: z.literal(false) }), z.object({ signedIn: z.literal(true), viewer: viewerSchema })])
  .openapi('SessionProbe');

export const streamTicketSchema = z.object({ ticket: z.string(), expiresAt: z.string() }).openapi('StreamTicket');

export const agentSessionSchema = z
  .object({ token: z.string(), expiresAt: z.string(), agent: z.object({ id: z.string(), name: z.string() }) })
  .openapi('AgentSession');

export const agentLoginBody = z
  .object({
    email: z.string().min(1).max(320).optional(),
    agentId: z.string().min(1).max(200).optional(),
    password: z.string().min(1).max(1024),
  })
  .strict()
  .refine((b) => (b.email === undefined) !== (b.agentId === undefined), { message: 'Give either email or agentId.', path: ['email'], ...onceValid('email', 'agentId') })
  .openapi('AgentLogin');

export const displaySessionSchema = z
  .object({
    kind: z.literal('display'),
    id: z.string().describe('The display token’s id.'),
    queues: z.array(z.string()).describe('The queues the wallboard shows.'),
    expiresAt: z.string(),
  })
  .openapi('DisplaySession');

export const displayTokenExchangeBody = z.object({ token: z.string().min(1).max(512) }).openapi('DisplayTokenExchange');

export const signInMethodsSchema = z
  .object({
    password: z.boolean().describe('Whether `POST /auth/login` and `POST /auth/agent-login` take passwords.'),
    oidc: z
      .object({ providerName: z.string().describe('For the button: “Sign in with <providerName>”.') })
      .nullable()
      .describe('The sign-in with the OpenID provider (`GET /auth/oidc/start`), when configured.'),
  })
  .openapi('SignInMethods');

export const oidcStartQuery = z
  .object({
    role: z.enum(['supervisor', 'agent']).default('supervisor').describe('Whom to sign in: a supervisor, or an agent for the agent desk.'),
    returnTo: z.string().min(1).max(2048).default('/').describe('The page of this server to come back to, as a path or a URL of this origin.'),
  })
  .openapi('OidcStartQuery');

export type LoginBody = z.input<typeof loginBody>;
export type SignInMethods = z.infer<typeof signInMethodsSchema>;
export type OidcStartQuery = z.input<typeof oidcStartQuery>;
export type Session = z.infer<typeof sessionSchema>;
/** `GET /auth/me` (and `/auth/session` when signed in): who the credentials belong to, and their scope. */
export type Viewer = z.infer<typeof viewerSchema>;
export type SessionProbe = z.infer<typeof sessionProbeSchema>;
export type StreamTicket = z.infer<typeof streamTicketSchema>;
/** A session for an agent's desk: its token, and who the agent is. */
export type AgentSession = z.infer<typeof agentSessionSchema>;
export type AgentLoginBody = z.input<typeof agentLoginBody>;
