import type { DirectoryResource } from '../../contract/admin.js';
import type { DirectoryAdminKey } from './i18n/index.js';

/** The directory's kinds of record, as the admin API names its collections. */
export type RecordKind = 'queues' | 'agents' | 'supervisors' | 'wrapupReasons' | 'integrationKeys' | 'displayTokens';
/** A tab of the widget: a kind of record, or the audit trail of changes to them. */
export type SectionName = RecordKind | 'audit';

export const SECTIONS: readonly SectionName[] = ['queues', 'agents', 'supervisors', 'wrapupReasons', 'integrationKeys', 'displayTokens', 'audit'];

/**
 * How a field is edited: a line of text (of an input type), a number, a checkbox per queue
 * (queue assignment, a supervisor's scope, a wallboard's queues), a yes/no box, or a list
 * written one item a line (an agent's member interfaces).
 */
export type FieldKind = 'text' | 'email' | 'password' | 'number' | 'queues' | 'flag' | 'lines';

export interface FieldSpec {
  /** The record's property, and the name a 400's `fields` uses for it. */
  name: string;
  kind: FieldKind;
  label: DirectoryAdminKey;
  hint?: DirectoryAdminKey;
  required?: boolean;
  /** Set when the record is created and never changed after (its id, a password asked for once). */
  createOnly?: boolean;
  min?: number;
  max?: number;
  /** A number's precision (a service-level target of 0.8). */
  step?: number;
}

export interface SectionSpec {
  kind: RecordKind;
  /** The collection below `/api/v1/admin/`. */
  path: string;
  /** One record's name in an answer (`{"queue": …}`) and in the audit trail (`resource`). */
  one: DirectoryResource;
  fields: readonly FieldSpec[];
  /** The fields shown as the table's columns, in order. */
  columns: readonly string[];
  /** The server generates a secret on creation, shown once; it is revoked, not retired. */
  secret: boolean;
}

const id: FieldSpec = { name: 'id', kind: 'text', label: 'admin.field.id', hint: 'admin.field.idHint', required: true, createOnly: true, max: 100 };
const name: FieldSpec = { name: 'name', kind: 'text', label: 'admin.field.name', required: true, max: 200 };
const location: FieldSpec = { name: 'location', kind: 'text', label: 'admin.field.location', max: 200 };
const label: FieldSpec = { name: 'label', kind: 'text', label: 'admin.field.label', hint: 'admin.field.labelHint', required: true, max: 200 };

/** What each kind of record holds (contract/admin.ts), and where the admin API keeps it. */
export const SPECS: Record<RecordKind, SectionSpec> = {
  queues: {
    kind: 'queues',
    path: 'queues',
    one: 'queue',
    fields: [
      id,
      name,
      location,
      { name: 'serviceLevelSeconds', kind: 'number', label: 'admin.field.serviceLevelSeconds', min: 1, max: 3600 },
      { name: 'shortAbandonSeconds', kind: 'number', label: 'admin.field.shortAbandonSeconds', min: 0, max: 600 },
      { name: 'serviceLevelTarget', kind: 'number', label: 'admin.field.serviceLevelTarget', hint: 'admin.field.serviceLevelTargetHint', min: 0.01, max: 0.99, step: 0.01 },
    ],
    columns: ['name', 'id', 'location', 'serviceLevelSeconds', 'shortAbandonSeconds', 'serviceLevelTarget'],
    secret: false,
  },
  agents: {
    kind: 'agents',
    path: 'agents',
    one: 'agent',
    fields: [
      id,
      name,
      location,
      { name: 'email', kind: 'email', label: 'admin.field.email', max: 320 },
      { name: 'queues', kind: 'queues', label: 'admin.field.queues' },
      { name: 'members', kind: 'lines', label: 'admin.field.members', hint: 'admin.field.membersHint' },
    ],
    columns: ['name', 'id', 'location', 'queues', 'members'],
    secret: false,
  },
  supervisors: {
    kind: 'supervisors',
    path: 'supervisors',
    one: 'supervisor',
    fields: [
      id,
      name,
      { name: 'email', kind: 'email', label: 'admin.field.email', required: true, max: 320 },
      { name: 'password', kind: 'password', label: 'admin.field.password', hint: 'admin.field.passwordHint' },
      { name: 'queues', kind: 'queues', label: 'admin.field.scope' },
      { name: 'isAdmin', kind: 'flag', label: 'admin.field.isAdmin' },
      { name: 'device', kind: 'text', label: 'admin.field.device', hint: 'admin.field.deviceHint', max: 200 },
    ],
    columns: ['name', 'id', 'email', 'queues', 'isAdmin'],
    secret: false,
  },
  wrapupReasons: { kind: 'wrapupReasons', path: 'wrapup-reasons', one: 'wrapupReason', fields: [id, name], columns: ['name', 'id'], secret: false },
  integrationKeys: { kind: 'integrationKeys', path: 'integration-keys', one: 'integrationKey', fields: [id, label], columns: ['label', 'id', 'createdAt'], secret: true },
  displayTokens: {
    kind: 'displayTokens',
    path: 'display-tokens',
    one: 'displayToken',
    fields: [id, label, { name: 'queues', kind: 'queues', label: 'admin.field.queues' }],
    columns: ['label', 'id', 'queues', 'createdAt'],
    secret: true,
  },
};
