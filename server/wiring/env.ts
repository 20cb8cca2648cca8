import { join } from 'node:path';
import { z } from 'zod';
import { PLATFORMS, type PlatformName } from '../../contract/platform.js';
import { systemZoneName, Zone } from '../domain/zone.js';
import { REPO_ROOT } from '../lib/repo-root.js';

/** Configuration (SPEC §8), validated once; every variable has a default so `npm start` needs none. */

const bundledCentre = join(REPO_ROOT, 'demo/centre.json');

const onOff = z.enum(['on', 'off']).transform((v) => v === 'on');
const positiveInt = z.coerce.number().int().positive();

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('0.0.0.0'),
  FLOORVIEW_DB: z.string().min(1).default('data/floorview.db'),
  /** `full`: an acknowledged write survives power loss; `normal`: cheaper, survives a process crash only (server/db/client.ts). */
  FLOORVIEW_SYNCHRONOUS: z.enum(['full', 'normal']).default('full'),
  /** PostgreSQL instead of the SQLite file (server/db/open-store.ts): `postgres://user:password@host:5432/database`. */
  FLOORVIEW_DATABASE_URL: z
    .url({ protocol: /^postgres(ql)?$/, error: 'must be postgres://user:password@host:5432/database' })
    .optional(),
  /** Connections the PostgreSQL pool may hold. */
  FLOORVIEW_DATABASE_POOL: z.coerce.number().int().min(1).max(1000).default(10),
  /** A PostgreSQL statement running longer is cancelled (its request fails, its transaction rolls back); 0 for no limit. */
  FLOORVIEW_DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).max(3_600_000).default(60_000),
  /**
   * Redis for the live bus of several nodes (server/bus/redis-bus.ts, issue 19): `redis://[:password@]host:6379[/db]`,
   * `rediss://` for TLS. Unset: one node, nothing published.
   */
  FLOORVIEW_REDIS_URL: z
    .url({ protocol: /^rediss?$/, error: 'must be redis://[:password@]host:6379[/db] (rediss:// for TLS)' })
    .refine((u) => !URL.canParse(u) || new URL(u).hostname !== '', 'must name the Redis host: redis://host:6379')
    .optional(),
  FLOORVIEW_DIRECTORY: z.string().min(1).default(bundledCentre),
  /** The telephony platform (server/platforms/): default the simulator, or `webhook` when FLOORVIEW_SIMULATOR=off (its older spelling). */
  FLOORVIEW_PLATFORM: z.enum(PLATFORMS).optional(),
  FLOORVIEW_SIMULATOR: onOff.optional(),
  /** Asterisk's manager interface, `tcp://user:secret@host:5038` (FLOORVIEW_PLATFORM=asterisk). */
  FLOORVIEW_AMI_URL: z
    .url({ protocol: /^tcp$/, error: 'must be tcp://user:secret@host:5038' })
    .refine((u) => {
      const url = new URL(u);
      return url.username !== '' && url.password !== '' && url.hostname !== '';
    }, 'must name the AMI user, its secret and the host: tcp://user:secret@host:5038')
    .optional(),
  /** Days of history the simulator fills in when it starts on an empty database. */
  FLOORVIEW_SIMULATOR_BACKFILL_DAYS: z.coerce.number().int().min(0).max(365).default(14),
  FLOORVIEW_SIMULATOR_SEED: z.coerce.number().int().default(1),
  FLOORVIEW_ALLOWED_ORIGINS: z
    .string()
    .default('')
    .transform((v) => v.split(',').map((o) => o.trim()).filter(Boolean))
    .pipe(z.array(z.url({ protocol: /^https?$/ }).transform((u) => new URL(u).origin))),
  FLOORVIEW_SESSION_HOURS: positiveInt.max(24 * 30).default(12),
  /** Where supervisor commands go when a real platform is connected (the simulator adapter is used otherwise). */
  FLOORVIEW_COMMAND_WEBHOOK: z.url({ protocol: /^https?$/ }).optional(),
  FLOORVIEW_COMMAND_WEBHOOK_SECRET: z.string().min(16).optional(),
  /** Receives every alert raised, cleared or acknowledged, signed like the commands (server/alerts/alert-webhook.ts). */
  FLOORVIEW_ALERT_WEBHOOK: z.url({ protocol: /^https?$/ }).optional(),
  FLOORVIEW_ALERT_WEBHOOK_SECRET: z.string().min(16).optional(),
  /** The centre's reporting time zone (IANA): statistics keep daily totals in it. */
  FLOORVIEW_TIME_ZONE: z
    .string()
    .default(systemZoneName)
    .refine((tz) => Zone.find(tz) !== null, 'must be an IANA time zone such as "Asia/Shanghai"')
    .transform((tz) => Zone.of(tz).name),
  /**
   * Benchmarks only: `off` ingests without keeping the statistics rollups, to measure what they cost.
   * History figures are then wrong until the next start with it on, which rebuilds them from the facts.
   */
  FLOORVIEW_ROLLUP_MAINTENANCE: onOff.default(true),
  /** Wrap-up report rows generated per page: each page is one short query and one stored chunk, then live traffic goes first. */
  FLOORVIEW_REPORT_PAGE_ROWS: positiveInt.max(100_000).default(2_000),
  /** Rest between report pages in ms (default 0: just yield), to favour live traffic on a small node. */
  FLOORVIEW_REPORT_PAUSE_MS: z.coerce.number().int().min(0).max(10_000).default(0),
  /**
   * The live stream's tick in ms (server/stream/stream-hub.ts): a lone change goes out at once, changes
   * coming faster go out together, one frame per tick. Shorter: lower latency on a busy floor, more frames.
   */
  FLOORVIEW_STREAM_TICK_MS: z.coerce.number().int().min(1).max(1_000).default(25),
  /**
   * Oldest event accepted, in days before now (never before 2000-01-01): a platform replaying
   * what it buffered during an outage fits; a mis-set clock (1970) is refused.
   */
  FLOORVIEW_EVENT_MAX_AGE_DAYS: positiveInt.max(3650).default(90),
  /** The live queue rows' staffing advice (agents needed now) looks at the calls of this many last minutes. */
  FLOORVIEW_STAFFING_WINDOW_MINUTES: positiveInt.min(5).max(240).default(30),
  /** How far ahead of this server's clock an event may be stamped. */
  FLOORVIEW_EVENT_MAX_FUTURE_SECONDS: z.coerce.number().int().min(0).max(86_400).default(300),
  /**
   * Raw events older than this many days are deleted, in small steps (server/ops/retention.ts);
   * facts, rollups and the state history stay. `off` (default): the log is kept whole.
   */
  FLOORVIEW_EVENT_RETENTION_DAYS: z
    .union([z.literal('off').transform(() => null), z.coerce.number().int().min(2).max(36_500)])
    .default(null),
  /** On SIGTERM or SIGINT, how long in-flight requests may take before the process exits anyway. */
  FLOORVIEW_SHUTDOWN_SECONDS: z.coerce.number().min(0.1).max(300).default(10),
  /**
   * Reverse proxies in front of the server that append to `X-Forwarded-For` (0: none, the socket's
   * peer is the client). Sign-in throttling counts by client address, so behind a proxy set this.
   */
  FLOORVIEW_TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  /** Cookies get `Secure` behind TLS; off only for plain-HTTP development. */
  FLOORVIEW_SECURE_COOKIES: z.enum(['auto', 'on', 'off']).default('auto'),
  /**
   * The host portal's OpenID Connect issuer (discovery at `<issuer>/.well-known/openid-configuration`):
   * with FLOORVIEW_OIDC_AUDIENCE, `Authorization: Bearer <the portal's token>` is accepted
   * (server/auth/portal-tokens.ts); with FLOORVIEW_OIDC_CLIENT_ID, the standalone pages sign in with it.
   * https, but for a loopback address (development, tests).
   */
  FLOORVIEW_OIDC_ISSUER: z
    .url({ protocol: /^https?$/, error: 'must be the issuer URL, e.g. https://login.example.com/realms/centre' })
    // Zod runs the refinement on a value the URL check refused too: that one is already named.
    .refine((u) => !URL.canParse(u) || new URL(u).protocol === 'https:' || LOOPBACK.test(new URL(u).hostname), 'must be https (http only on a loopback address)')
    .optional(),
  /** The `aud` the portal's tokens carry for Floorview: with it, they are accepted as bearer tokens. */
  FLOORVIEW_OIDC_AUDIENCE: z.string().min(1).optional(),
  /** Which claim of the provider's tokens names the person: matched to a supervisor's or agent's email in the directory, ignoring case. */
  FLOORVIEW_OIDC_CLAIM: z.string().min(1).default('email'),
  /** A claim of the portal's tokens listing the person's roles: with it, holding FLOORVIEW_OIDC_ADMIN_ROLE (and only that) makes an admin. Unset: the directory's `admin` decides. */
  FLOORVIEW_OIDC_ROLES_CLAIM: z.string().min(1).optional(),
  FLOORVIEW_OIDC_ADMIN_ROLE: z.string().min(1).default('floorview-admin'),
  /** `off`: people sign in through the portal only; the password sign-ins refuse (403 password_login_off). */
  FLOORVIEW_PASSWORD_LOGIN: onOff.default(true),
  /** "Sign in with <provider>" on the standalone pages (authorization code + PKCE): the client registered with the issuer. */
  FLOORVIEW_OIDC_CLIENT_ID: z.string().min(1).optional(),
  /** Absent: a public client (PKCE alone); present: sent to the token endpoint (client_secret_basic). */
  FLOORVIEW_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  /** The provider's name on the sign-in button ("Sign in with Contoso"). */
  FLOORVIEW_OIDC_PROVIDER_NAME: z.string().min(1).max(60).default('single sign-on'),
  /** The callback registered with the provider; by default this server's `/api/v1/auth/oidc/callback` as the browser called it (set it behind a proxy that rewrites Host). */
  FLOORVIEW_OIDC_REDIRECT_URI: z.url({ protocol: /^https?$/ }).optional(),
});

/** Where a plain-http issuer is acceptable: nothing crosses a network. */
const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;

export type Config = Omit<z.infer<typeof envSchema>, 'FLOORVIEW_PLATFORM' | 'FLOORVIEW_SIMULATOR'> & {
  FLOORVIEW_PLATFORM: PlatformName;
};

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const relevant = Object.fromEntries(Object.entries(env).filter(([k, v]) => k in envSchema.shape && v !== ''));
  const parsed = envSchema.safeParse(relevant);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const { FLOORVIEW_SIMULATOR: simulator, ...rest } = parsed.data;
  const config: Config = { ...rest, FLOORVIEW_PLATFORM: platformOf(rest.FLOORVIEW_PLATFORM, simulator) };
  const retention = config.FLOORVIEW_EVENT_RETENTION_DAYS;
  if (retention !== null && retention < config.FLOORVIEW_EVENT_MAX_AGE_DAYS + 2) {
    // An accepted late event must find every event of its call (facts are re-derived from them) and its own id (idempotency).
    throw new Error(
      `Invalid configuration:\n  FLOORVIEW_EVENT_RETENTION_DAYS: must be at least FLOORVIEW_EVENT_MAX_AGE_DAYS + 2 (${config.FLOORVIEW_EVENT_MAX_AGE_DAYS + 2})`,
    );
  }
  if (config.FLOORVIEW_PLATFORM === 'asterisk' && !config.FLOORVIEW_AMI_URL) {
    throw new Error('Invalid configuration:\n  FLOORVIEW_AMI_URL: required with FLOORVIEW_PLATFORM=asterisk (tcp://user:secret@host:5038)');
  }
  if (config.FLOORVIEW_COMMAND_WEBHOOK && config.FLOORVIEW_PLATFORM !== 'webhook') {
    throw new Error(
      `Invalid configuration:\n  FLOORVIEW_COMMAND_WEBHOOK: commands go to a webhook only with FLOORVIEW_PLATFORM=webhook (the platform is ${config.FLOORVIEW_PLATFORM})`,
    );
  }
  if (config.FLOORVIEW_COMMAND_WEBHOOK && !config.FLOORVIEW_COMMAND_WEBHOOK_SECRET) {
    throw new Error('Invalid configuration:\n  FLOORVIEW_COMMAND_WEBHOOK_SECRET: required when FLOORVIEW_COMMAND_WEBHOOK is set');
  }
  if (config.FLOORVIEW_ALERT_WEBHOOK && !config.FLOORVIEW_ALERT_WEBHOOK_SECRET) {
    throw new Error('Invalid configuration:\n  FLOORVIEW_ALERT_WEBHOOK_SECRET: required when FLOORVIEW_ALERT_WEBHOOK is set');
  }
  if (config.FLOORVIEW_OIDC_CLIENT_ID && !config.FLOORVIEW_OIDC_ISSUER) {
    throw new Error('Invalid configuration:\n  FLOORVIEW_OIDC_ISSUER: required when FLOORVIEW_OIDC_CLIENT_ID is set (the provider the sign-in goes to)');
  }
  for (const name of ['FLOORVIEW_OIDC_CLIENT_SECRET', 'FLOORVIEW_OIDC_REDIRECT_URI'] as const) {
    if (config[name] && !config.FLOORVIEW_OIDC_CLIENT_ID) {
      throw new Error(`Invalid configuration:\n  ${name}: belongs to the sign-in with the provider; set FLOORVIEW_OIDC_CLIENT_ID too`);
    }
  }
  checkPortalSignIn(config, relevant);
  return config;
}

/** The portal sign-in settings only make sense together; every problem is named at once. */
function checkPortalSignIn(config: Config, given: Record<string, unknown>): void {
  const problems: string[] = [];
  if (!config.FLOORVIEW_OIDC_ISSUER) {
    for (const name of ['FLOORVIEW_OIDC_AUDIENCE', 'FLOORVIEW_OIDC_CLAIM', 'FLOORVIEW_OIDC_ROLES_CLAIM', 'FLOORVIEW_OIDC_ADMIN_ROLE']) {
      if (name in given) problems.push(`  ${name}: needs FLOORVIEW_OIDC_ISSUER (the portal's issuer)`);
    }
    if (!config.FLOORVIEW_PASSWORD_LOGIN) problems.push('  FLOORVIEW_PASSWORD_LOGIN: off needs FLOORVIEW_OIDC_ISSUER, or nobody could sign in');
  } else if (!config.FLOORVIEW_OIDC_AUDIENCE && !config.FLOORVIEW_OIDC_CLIENT_ID) {
    problems.push(
      "  FLOORVIEW_OIDC_AUDIENCE: required with FLOORVIEW_OIDC_ISSUER to take the portal's tokens (the `aud` they carry for Floorview), or FLOORVIEW_OIDC_CLIENT_ID for the sign-in button",
    );
  }
  if (config.FLOORVIEW_OIDC_ISSUER && !config.FLOORVIEW_OIDC_AUDIENCE && 'FLOORVIEW_OIDC_ROLES_CLAIM' in given) {
    problems.push("  FLOORVIEW_OIDC_ROLES_CLAIM: is read from the portal's tokens; set FLOORVIEW_OIDC_AUDIENCE to take them");
  }
  if (config.FLOORVIEW_OIDC_ISSUER && 'FLOORVIEW_OIDC_ADMIN_ROLE' in given && !config.FLOORVIEW_OIDC_ROLES_CLAIM) {
    problems.push('  FLOORVIEW_OIDC_ADMIN_ROLE: needs FLOORVIEW_OIDC_ROLES_CLAIM (the claim the role is looked for in)');
  }
  if (problems.length > 0) throw new Error(`Invalid configuration:\n${problems.join('\n')}`);
}

/** FLOORVIEW_SIMULATOR=off, from before there were platforms, still means "a platform posts its events". */
function platformOf(platform: PlatformName | undefined, simulator: boolean | undefined): PlatformName {
  if (platform === undefined) return simulator === false ? 'webhook' : 'simulator';
  if (simulator !== undefined && simulator !== (platform === 'simulator')) {
    throw new Error(
      `Invalid configuration:\n  FLOORVIEW_SIMULATOR: ${simulator ? 'on' : 'off'} contradicts FLOORVIEW_PLATFORM=${platform}; set only FLOORVIEW_PLATFORM`,
    );
  }
  return platform;
}
