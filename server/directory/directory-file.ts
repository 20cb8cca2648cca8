import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { alertsSection } from './alert-rules.js';
import { fieldsFromIssues } from '../lib/errors.js';
import { sha256 } from '../lib/secrets.js';
import { interfaceKey } from './pbx-interface.js';
import { singleLine } from '../../contract/plain-text.js';
import { LANGS, type Names } from '../../contract/names.js';
import { pbxInterface } from '../../contract/admin.js';

/** The directory file of SPEC §8. Unknown references are reported with the path that holds them. */

const ref = singleLine(z.string().min(1).max(200));
const name = singleLine(z.string().trim().min(1).max(200));

const isLang = (key: string): key is keyof Names => (LANGS as readonly string[]).includes(key);

/** `"names": {"zh-CN": "销售"}` beside `name`: what viewers in that language see; `name` stays the fallback. */
const names = z
  .record(z.string(), name)
  .superRefine((value, ctx) => {
    for (const key of Object.keys(value)) {
      if (!isLang(key)) ctx.addIssue({ code: 'custom', path: [key], message: `unknown language "${key}"; translations are keyed by ${LANGS.join(' or ')}` });
    }
  })
  .transform((value): Names => value)
  .optional();

export const directoryFileSchema = z
  .object({
    locations: z.array(name).default([]),
    queues: z
      .array(
        z.object({
          id: ref,
          name,
          names,
          location: name.optional(),
          serviceLevelSeconds: z.number().int().min(1).max(3600).default(20),
          shortAbandonSeconds: z.number().int().min(0).max(600).default(5),
          // Erlang C cannot promise every call at once: below 1.
          serviceLevelTarget: z.number().min(0.01).max(0.99).default(0.8),
        }),
      )
      .default([]),
    agents: z
      .array(
        z.object({
          id: ref,
          name,
          location: name.optional(),
          email: z.string().email().optional(),
          queues: z.array(ref).default([]),
          /** Agent desk sign-in (the demo's way; integrations issue desk tokens): clear text or an `scrypt$…` hash. */
          password: z.string().min(8).max(1024).optional(),
          /** The interfaces that identify the agent on the PBX (queue members, devices): how PBX events find the agent. */
          members: z.array(pbxInterface).optional(),
        }),
      )
      .default([]),
    supervisors: z
      .array(
        z.object({
          id: ref,
          name,
          email: z.string().email(),
          /** Clear text (hashed on load) or an existing `scrypt$…` hash. */
          password: z.string().min(8).max(1024),
          queues: z.array(ref).default([]),
          admin: z.boolean().default(false),
          /** The supervisor's phone on the PBX: where monitoring calls them from. */
          device: pbxInterface.optional(),
        }),
      )
      .default([]),
    wrapupReasons: z.array(z.object({ id: ref, name, names })).default([]),
    /** Unavailable reasons the state dialog offers; a reason an event carries is matched to one by any of its names. */
    stateReasons: z.array(z.object({ name: name.max(100), names })).default([]),
    integrationKeys: z.array(z.object({ id: ref, secret: z.string().min(16).max(1024) })).default([]),
    displayTokens: z
      .array(z.object({ id: ref, secret: z.string().min(16).max(1024), queues: z.array(ref).default([]) }))
      .default([]),
    /** Alert rules and their limits (server/directory/alert-rules.ts); every rule has a default. */
    alerts: alertsSection,
  })
  .superRefine((d, ctx) => {
    const queueIds = new Set(d.queues.map((q) => q.id));
    const checkQueues = (list: string[], path: (string | number)[]) =>
      list.forEach((q, i) => {
        if (!queueIds.has(q)) ctx.addIssue({ code: 'custom', path: [...path, i], message: `unknown queue "${q}"` });
      });
    d.agents.forEach((a, i) => checkQueues(a.queues, ['agents', i, 'queues']));
    d.supervisors.forEach((s, i) => checkQueues(s.queues, ['supervisors', i, 'queues']));
    d.displayTokens.forEach((t, i) => checkQueues(t.queues, ['displayTokens', i, 'queues']));
    for (const q of Object.keys(d.alerts.queues)) {
      if (!queueIds.has(q)) ctx.addIssue({ code: 'custom', path: ['alerts', 'queues', q], message: `unknown queue "${q}"` });
    }
    for (const key of ['queues', 'agents', 'supervisors', 'wrapupReasons', 'integrationKeys', 'displayTokens'] as const) {
      const seen = new Set<string>();
      d[key].forEach((item, i) => {
        if (seen.has(item.id)) ctx.addIssue({ code: 'custom', path: [key, i, 'id'], message: `duplicate id "${item.id}"` });
        seen.add(item.id);
      });
    }
    // Each interface must find one agent: a PBX event on it would otherwise be credited to either.
    const memberOf = new Map<string, string>();
    d.agents.forEach((a, i) =>
      a.members?.forEach((m, j) => {
        const key = interfaceKey(m);
        const owner = memberOf.get(key);
        if (owner === undefined) memberOf.set(key, a.id);
        else if (owner === a.id) ctx.addIssue({ code: 'custom', path: ['agents', i, 'members', j], message: `interface "${m}" is listed twice` });
        else ctx.addIssue({ code: 'custom', path: ['agents', i, 'members', j], message: `interface "${m}" is used by two agents, "${owner}" and "${a.id}"` });
      }),
    );
    const reasonNames = new Set<string>();
    d.stateReasons.forEach((r, i) => {
      if (reasonNames.has(r.name)) ctx.addIssue({ code: 'custom', path: ['stateReasons', i, 'name'], message: `duplicate state reason "${r.name}"` });
      reasonNames.add(r.name);
    });
    const emails = new Set<string>();
    d.supervisors.forEach((s, i) => {
      const email = s.email.toLowerCase();
      if (emails.has(email)) ctx.addIssue({ code: 'custom', path: ['supervisors', i, 'email'], message: 'duplicate email' });
      emails.add(email);
    });
    // An agent signs in to the desk by email too: it must name one agent.
    const agentEmails = new Set<string>();
    d.agents.forEach((a, i) => {
      const email = a.email?.toLowerCase();
      if (!email || !a.password) return;
      if (agentEmails.has(email)) ctx.addIssue({ code: 'custom', path: ['agents', i, 'email'], message: 'duplicate email of an agent with a password' });
      agentEmails.add(email);
    });
  });

export type DirectoryFile = z.infer<typeof directoryFileSchema>;

export class DirectoryFileError extends Error {}

export function parseDirectoryFile(json: unknown, source: string): DirectoryFile {
  const parsed = directoryFileSchema.safeParse(json);
  if (!parsed.success) {
    const lines = Object.entries(fieldsFromIssues(parsed.error.issues)).map(([k, v]) => `  ${k}: ${v}`);
    throw new DirectoryFileError(`Invalid directory file ${source}:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

export function readDirectoryFile(path: string): DirectoryFile {
  return loadDirectoryFile(path).file;
}

/** The file and the SHA-256 of its bytes, read once: a start imports it only when they changed (directory-import.ts). */
export function loadDirectoryFile(path: string): { file: DirectoryFile; sha256: string } {
  let text: string;
  let json: unknown;
  try {
    text = readFileSync(path, 'utf8');
    json = JSON.parse(text);
  } catch (err) {
    throw new DirectoryFileError(`Cannot read directory file ${path}: ${(err as Error).message}`);
  }
  return { file: parseDirectoryFile(json, path), sha256: sha256(text) };
}
