import type { FieldSpec, SectionSpec } from './sections.js';

/** A record as the admin API sends it: its id and its fields. */
export type DirectoryRecord = { id: string } & Record<string, unknown>;

/** What the dialog's controls hold: text as typed (numbers and lists too), chosen queues, yes/no. */
export type DraftValue = string | boolean | readonly string[];
export type Draft = Record<string, DraftValue>;

function draftValue(field: FieldSpec, value: unknown): DraftValue {
  switch (field.kind) {
    case 'queues':
      return Array.isArray(value) ? value.map(String) : [];
    case 'flag':
      return value === true;
    case 'lines':
      return Array.isArray(value) ? value.join('\n') : '';
    case 'password':
      // Never sent back by the server; an empty box keeps the current one.
      return '';
    default:
      return value === undefined || value === null ? '' : String(value);
  }
}

/** The dialog's starting values: the record's, or empty ones for a new record. */
export function draftOf(spec: SectionSpec, record: DirectoryRecord | null): Draft {
  return Object.fromEntries(spec.fields.map((f) => [f.name, draftValue(f, record?.[f.name])]));
}

/** One field's value as the API takes it; undefined: left out (an empty number box, an empty password). */
function bodyValue(field: FieldSpec, value: DraftValue): unknown {
  switch (field.kind) {
    case 'queues':
      return [...(value as readonly string[])].sort();
    case 'flag':
      return value === true;
    case 'lines':
      return String(value)
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean);
    case 'number': {
      const text = String(value).trim();
      // Sent as typed when it is not a number, so the server's 400 names the field.
      return text === '' ? undefined : Number.isNaN(Number(text)) ? text : Number(text);
    }
    case 'password':
      return String(value) || undefined;
    default: {
      const text = String(value).trim();
      // An optional text left empty is none (null); a required one is sent empty, for the server to name.
      return text === '' && !field.required ? null : text;
    }
  }
}

/**
 * The request body the draft asks for. A new record sends what was filled in (an empty
 * optional field is left out). An edit sends only the fields that changed (PATCH: the fields
 * sent), so a change made meanwhile by another admin to another field is not undone; a
 * password only when a new one was typed, so an empty box never means "erase".
 */
export function bodyOf(spec: SectionSpec, draft: Draft, original: Draft | null): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const field of spec.fields) {
    if (original && field.createOnly) continue;
    const value = bodyValue(field, draft[field.name]!);
    if (value === undefined || (!original && value === null)) continue;
    if (original && JSON.stringify(value) === JSON.stringify(bodyValue(field, original[field.name]!))) continue;
    body[field.name] = value;
  }
  return body;
}

/**
 * A 400's `fields` sorted to the dialog's fields (`queues[2]` belongs to `queues`, `body.name` to
 * `name`); what names no field of the dialog is returned apart, to be shown above its buttons.
 */
export function fieldErrors(spec: SectionSpec, fields: Readonly<Record<string, string>> | undefined): { byField: Record<string, string>; other: string[] } {
  const byField: Record<string, string> = {};
  const other: string[] = [];
  const names = new Set(spec.fields.map((f) => f.name));
  for (const [path, message] of Object.entries(fields ?? {})) {
    const name = path
      .replace(/^body\./, '')
      .split(/[.[]/)[0]!;
    if (names.has(name)) byField[name] = byField[name] ? `${byField[name]}; ${message}` : message;
    else other.push(`${path}: ${message}`);
  }
  return { byField, other };
}
