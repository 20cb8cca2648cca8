import { hostname } from 'node:os';
import { DirectoryAdmin } from '../admin/directory-admin.js';
import { DirectoryChanges } from '../admin/directory-changes.js';
import { PeopleAdmin } from '../admin/people-admin.js';
import { AlertService } from '../alerts/alert-service.js';
import { AlertWebhook } from '../alerts/alert-webhook.js';
import { AgentCredentials } from '../auth/agent-credentials.js';
import { AuthService } from '../auth/auth-service.js';
import { OidcSignIn } from '../auth/oidc-sign-in.js';
import { PortalTokens, type PortalTokenOptions } from '../auth/portal-tokens.js';
import { ChatService } from '../chat/chat-service.js';
import { RedisBus } from '../bus/redis-bus.js';
import { AuditLog } from '../commands/audit-log.js';
import { CommandService } from '../commands/command-service.js';
import { openStore } from './open-store.js';
import { holdServerShare } from '../db/postgres-in-use.js';
import type { Store } from '../db/store.js';
import { AlertRules } from '../directory/alert-rules.js';
import { Directory } from '../directory/directory.js';
import { importDirectoryFile } from '../directory/directory-import.js';
import { Zone } from '../domain/zone.js';
import { restoreFloor, saveFloor } from '../floor/floor-snapshot.js';
import type { LiveFloor } from '../floor/live-floor.js';
import { QueueTodayService } from '../floor/queue-today-service.js';
import { QueueTrend } from '../floor/queue-trend.js';
import { History } from '../history/history.js';
import { Serial } from '../lib/serial.js';
import { syncRollupsOf } from '../history/rollup-rebuild.js';
import { lastSeq } from '../ingest/event-log.js';
import { EventStore } from '../ingest/event-store.js';
import { IngestService } from '../ingest/ingest-service.js';
import { EventRetention } from '../ops/retention.js';
import type { AmiClientOptions } from '../platforms/asterisk/ami-client.js';
import type { Platform } from '../platforms/platform.js';
import { SimulatorPlatform } from '../platforms/simulator-platform.js';
import { WebhookPlatform } from '../platforms/webhook-platform.js';
import { ReportService } from '../reports/report-service.js';
import { progressLines } from '../simulator/backfill.js';
import type { Simulator } from '../simulator/simulator.js';
import { StatsService } from '../stats/stats-service.js';
import { StreamHub, type StreamHubOptions, type ViewerItem } from '../stream/stream-hub.js';
import type { Config } from './env.js';

/** Everything a route needs, built once per process. */
export interface Services {
  config: Config;
  /** The database behind every area's store module (server/db/store.ts). */
  store: Store;
  directory: Directory;
  floor: LiveFloor;
  ingest: IngestService;
  /** Call facts, rollups and agent time, written a moment after ingestion; readers catch it up first. */
  history: History;
  hub: StreamHub;
  /** The live bus of several nodes (FLOORVIEW_REDIS_URL): what this node commits is published on it; null for one node. */
  bus: RedisBus | null;
  auth: AuthService;
  /** "Sign in with <provider>" on the standalone pages, when FLOORVIEW_OIDC_CLIENT_ID is set. */
  oidcSignIn: OidcSignIn | null;
  /** The host portal's tokens, when FLOORVIEW_OIDC_ISSUER is set. */
  portal: PortalTokens | null;
  audit: AuditLog;
  commands: CommandService;
  chat: ChatService;
  /** Agent desk passwords from the directory file (in memory only). */
  agentCredentials: AgentCredentials;
  /** The telephony platform (FLOORVIEW_PLATFORM): events in, commands out, its connection status. */
  platform: Platform;
  /** The built-in centre, when it is the platform. */
  simulator: Simulator | null;
  /** Today's service level and abandon rate per queue, on the live queue rows. */
  queueToday: QueueTodayService;
  /** Contacts waiting per queue over the last hours (the live trend chart). */
  queueTrend: QueueTrend;
  /** History figures for a caller's scope. */
  stats: StatsService;
  /** Wrap-up reason reports, generated in the background. */
  reports: ReportService;
  /** Alerts raised by the directory's rules against the live floor. */
  alerts: AlertService;
  /** Directory administration (`/admin`): changes made live, and their audit. */
  admin: { directory: DirectoryAdmin; people: PeopleAdmin; changes: DirectoryChanges };
  clock: () => number;
  /** Saves the floor, stops timers and the platform, closes the database (after the report leases are released). */
  close(): Promise<void>;
}

export interface ServiceOptions {
  clock?: () => number;
  stream?: Partial<StreamHubOptions>;
  /** Tests drive the simulator's clock themselves; the server runs it live. */
  startSimulator?: boolean;
  /** How often the settled floor is saved (restart recovery replays events logged since). */
  snapshotEveryMs?: number;
  /** How long the history of new events may wait to be written (null: until read; server/history/history.ts). */
  historyAfterMs?: number | null;
  /** Tests shorten the AMI client's keep-alive and backoff. */
  ami?: Partial<AmiClientOptions>;
  /** Progress lines for a person watching the start. */
  log?: (line: string) => void;
  /** Tests shorten the portal issuer's discovery retries and JWKS refetch cooldown. */
  portal?: Omit<PortalTokenOptions, 'log'>;
}

export async function createServices(config: Config, options: ServiceOptions = {}): Promise<Services> {
  const store = await openStore(config);
  // On PostgreSQL, what stands for SQLite's open file: a tool that must write alone sees the server running.
  const releaseServerShare = store.pg ? await holdServerShare(store.pg) : null;
  try {
    return await servicesOn(store, releaseServerShare, config, options);
  } catch (err) {
    // A start that failed holds no connection open: the process may end.
    await releaseServerShare?.();
    throw err;
  }
}

async function servicesOn(store: Store, releaseServerShare: (() => Promise<void>) | null, config: Config, options: ServiceOptions): Promise<Services> {
  const clock = options.clock ?? Date.now;
  const { file: directoryFile, imported } = await importDirectoryFile(store, config.FLOORVIEW_DIRECTORY, clock);
  if (!imported) options.log?.(`Directory file unchanged since its last import: the directory is the database's (README, "Directory")`);
  const directory = await Directory.load(store);
  const rebuilt = Object.values(await syncRollupsOf(store, config.FLOORVIEW_TIME_ZONE));
  if (rebuilt.length > 0) options.log?.(`Statistics rollups brought up to date in ${rebuilt.reduce((a, b) => a + b, 0).toFixed(1)} s`);
  const events = store.sqlite && new EventStore(store.sqlite);
  const floor = await restoreFloor(store, directory);
  const ingest = new IngestService(store, directory, clock, events, {
    maxAgeDays: config.FLOORVIEW_EVENT_MAX_AGE_DAYS,
    maxFutureSeconds: config.FLOORVIEW_EVENT_MAX_FUTURE_SECONDS,
  });
  ingest.onIngested((fresh) => floor.apply(fresh));
  // Issue 19's ground: published for the other nodes, but no floor follows the bus yet (server/bus/redis-bus.ts says what is left).
  const bus = config.FLOORVIEW_REDIS_URL ? new RedisBus(config.FLOORVIEW_REDIS_URL, { node: `${hostname()}:${process.pid}` }) : null;
  // A batch of duplicates only (nothing new) tells no one.
  if (bus) {
    ingest.onIngested((events, backfill) => {
      if (events.length > 0) bus.announce({ kind: 'events', events, backfill });
    });
  }
  const history = (
    await History.open(store, events, clock, { rollups: config.FLOORVIEW_ROLLUP_MAINTENANCE, historyAfterMs: options.historyAfterMs })
  ).follow(ingest);
  const hub = new StreamHub(floor, { tickMs: config.FLOORVIEW_STREAM_TICK_MS, ...options.stream }, clock);
  const publishItem = (item: ViewerItem) => {
    hub.publish(item);
    bus?.announce({ kind: 'item', item });
  };
  const auth = new AuthService(store, directory, config.FLOORVIEW_SESSION_HOURS * 3_600_000, clock);
  auth.onSessionEnded((sessionId) => hub.closeSession(sessionId));
  const oidcSignIn =
    config.FLOORVIEW_OIDC_ISSUER && config.FLOORVIEW_OIDC_CLIENT_ID
      ? new OidcSignIn(
          {
            issuer: config.FLOORVIEW_OIDC_ISSUER,
            clientId: config.FLOORVIEW_OIDC_CLIENT_ID,
            clientSecret: config.FLOORVIEW_OIDC_CLIENT_SECRET,
            claim: config.FLOORVIEW_OIDC_CLAIM,
          },
          () => directory,
          clock,
        )
      : null;
  const { FLOORVIEW_OIDC_ISSUER: issuer, FLOORVIEW_OIDC_AUDIENCE: audience, FLOORVIEW_OIDC_ROLES_CLAIM: rolesClaim } = config;
  const portal =
    issuer && audience
      ? new PortalTokens(
          {
            issuer,
            audience,
            claim: config.FLOORVIEW_OIDC_CLAIM,
            admin: rolesClaim ? { claim: rolesClaim, role: config.FLOORVIEW_OIDC_ADMIN_ROLE } : null,
          },
          clock,
          { ...options.portal, log: options.log },
        )
      : null;
  if (portal) {
    await portal.start();
    auth.acceptPortalTokens(portal);
  }
  const audit = new AuditLog(store, clock);
  const chat = new ChatService(store, directory, publishItem, clock);
  const agentCredentials = AgentCredentials.fromFile(directoryFile);

  // Each platform's code is loaded only when chosen: a production node talking to a real platform never carries the simulator.
  let simulator: Simulator | null = null;
  let platform: Platform;
  switch (config.FLOORVIEW_PLATFORM) {
    case 'simulator':
      simulator = new (await import('../simulator/simulator.js')).Simulator({ directory, seed: config.FLOORVIEW_SIMULATOR_SEED });
      platform = new SimulatorPlatform(simulator, clock, options.startSimulator !== false);
      break;
    case 'webhook': {
      const url = config.FLOORVIEW_COMMAND_WEBHOOK;
      platform = new WebhookPlatform(url ? { url, secret: config.FLOORVIEW_COMMAND_WEBHOOK_SECRET! } : null, clock);
      break;
    }
    case 'asterisk': {
      const { AsteriskPlatform } = await import('../platforms/asterisk/asterisk-platform.js');
      platform = new AsteriskPlatform(config.FLOORVIEW_AMI_URL!, { directory, floor, clock, log: options.log, ami: options.ami });
      break;
    }
  }
  const commands = new CommandService(directory, floor, platform.commands, audit, clock);
  ingest.onIngested((fresh) => commands.observe(fresh));

  if (simulator) {
    const now = clock();
    if ((await lastSeq(store)) === 0 && config.FLOORVIEW_SIMULATOR_BACKFILL_DAYS > 0) {
      const days = config.FLOORVIEW_SIMULATOR_BACKFILL_DAYS;
      options.log?.(`Empty database: simulating the last ${days} days of history first (once)…`);
      const from = now - days * 86_400_000;
      const stats = await simulator.backfill(ingest, from, now, { onProgress: options.log && progressLines(from, now, options.log) });
      // A bulk load is done when its history is written too.
      await history.upToDate();
      options.log?.(`  ${stats.calls.toLocaleString('en')} calls, ${stats.events.toLocaleString('en')} events in ${stats.seconds.toFixed(1)} s`);
    } else {
      simulator.adopt(floor.state, now);
    }
    simulator.answerChat(chat, (agentId) => hub.hasViewer(`agent:${agentId}`));
  }
  hub.setPlatform(platform.status.current);
  platform.status.onChange((status) => hub.setPlatform(status));
  platform.start(ingest.sink);

  const queueToday = new QueueTodayService(store, floor, history, Zone.of(config.FLOORVIEW_TIME_ZONE), clock, undefined, config.FLOORVIEW_STAFFING_WINDOW_MINUTES);
  ingest.onIngested(() => queueToday.markPending());
  await queueToday.start();
  const queueTrend = new QueueTrend(floor, clock);
  await queueTrend.seed(store);
  queueTrend.start();
  // An admin's change, live: open streams take the new scopes (a fresh snapshot), a new queue gets its trend and today's figures,
  // the statistics count service level with a queue's new thresholds (a rebuild of the queue rollups only when they changed).
  // The wallboards' scopes are read from the database first; one rescope at a time, so the streams end with the last change's scopes.
  const rescoping = new Serial();
  directory.onChange(() => {
    rescoping.run(async () => hub.rescope(await auth.currentScopes())).catch((err: unknown) => console.error('Rescoping the streams failed:', err));
    history.thresholdsChanged().catch((err: unknown) => console.error('The statistics could not take the new thresholds:', err));
    queueTrend.addNewQueues();
    queueToday.markPending();
  });

  const reports = new ReportService(store, history, directory, config.FLOORVIEW_TIME_ZONE, publishItem, clock, {
    pageRows: config.FLOORVIEW_REPORT_PAGE_ROWS,
    pauseMs: config.FLOORVIEW_REPORT_PAUSE_MS,
  });
  reports.start();
  const stats = await StatsService.open(store, directory, history);

  const alerts = new AlertService(store, directory, floor, history, new AlertRules(directoryFile.alerts), publishItem, clock);
  if (config.FLOORVIEW_ALERT_WEBHOOK) {
    const webhook = new AlertWebhook(config.FLOORVIEW_ALERT_WEBHOOK, config.FLOORVIEW_ALERT_WEBHOOK_SECRET!, options.log ?? console.error);
    alerts.onChange((event, alert) => webhook.send(event, alert));
  }
  await alerts.start();

  const retention =
    config.FLOORVIEW_EVENT_RETENTION_DAYS === null
      ? null
      : new EventRetention(store, { days: config.FLOORVIEW_EVENT_RETENTION_DAYS }, clock, (line) => (options.log ?? console.log)(line));
  retention?.start();

  const changes = new DirectoryChanges(store, clock);
  const directoryAdmin = new DirectoryAdmin(store, directory, floor, auth, changes, clock);
  const admin = { directory: directoryAdmin, people: new PeopleAdmin(directoryAdmin), changes };

  hub.start();
  const timers = [
    setInterval(() => saveFloor(store, floor, clock()).catch((err: unknown) => console.error('Saving the floor failed:', err)), options.snapshotEveryMs ?? 10_000),
    setInterval(() => auth.purgeExpired().catch((err: unknown) => console.error('Purging expired sessions failed:', err)), 3_600_000),
  ];
  for (const t of timers) t.unref();

  return {
    config,
    store,
    directory,
    floor,
    ingest,
    history,
    hub,
    bus,
    auth,
    oidcSignIn,
    portal,
    audit,
    commands,
    chat,
    agentCredentials,
    platform,
    simulator,
    queueToday,
    queueTrend,
    stats,
    reports,
    alerts,
    admin,
    clock,
    async close() {
      for (const t of timers) clearInterval(t);
      portal?.close();
      retention?.stop();
      const released = reports.stop();
      alerts.stop();
      platform.stop();
      queueToday.stop();
      queueTrend.stop();
      hub.stop();
      await history.close();
      await saveFloor(store, floor, clock());
      await released;
      await bus?.close();
      await releaseServerShare?.();
      await store.close();
    },
  };
}
