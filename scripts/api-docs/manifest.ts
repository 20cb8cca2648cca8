// The part of the Custom Elements Manifest schema (custom-elements.json) the API docs read, and the
// widgets in the order the package entry exports them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Described {
  name: string;
  description?: string;
  inheritedFrom?: { name: string; module: string };
}
export interface Typed extends Described {
  type?: { text: string };
  default?: string;
  optional?: boolean;
}
export interface Attribute extends Typed {
  fieldName?: string;
}
export interface Member extends Typed {
  kind: 'field' | 'method';
  static?: boolean;
  readonly?: boolean;
  attribute?: string;
  reflects?: boolean;
  privacy?: string;
  parameters?: Typed[];
  return?: { type?: { text: string } };
}
export interface Declaration {
  kind: string;
  name: string;
  summary?: string;
  description?: string;
  customElement?: boolean;
  tagName?: string;
  superclass?: { name: string; module?: string; package?: string };
  attributes?: Attribute[];
  members?: Member[];
  events?: Typed[];
  slots?: Described[];
  cssParts?: Described[];
  cssProperties?: Typed[];
  /** A function's. */
  parameters?: Typed[];
}
export interface Module {
  path: string;
  declarations: Declaration[];
  exports: { kind: string; name: string; declaration: { name: string; module?: string } }[];
}
export interface Manifest {
  schemaVersion: string;
  modules: Module[];
}

/** The package entry: its exports give the widgets' order. */
export const ENTRY = 'widgets/floorview.ts';
/** The manifest's file, at the repository root. */
export const MANIFEST_FILE = 'custom-elements.json';

export function readManifest(root: string): Manifest {
  return JSON.parse(readFileSync(join(root, MANIFEST_FILE), 'utf8')) as Manifest;
}

export const declarations = (manifest: Manifest): Declaration[] => manifest.modules.flatMap((m) => m.declarations);

/** The custom elements, in the order the entry exports them (as the README lists them). */
export function widgets(manifest: Manifest): Declaration[] {
  const order = manifest.modules.find((m) => m.path === ENTRY)?.exports.map((e) => e.name) ?? [];
  const position = (d: Declaration) => (order.includes(d.name) ? order.indexOf(d.name) : order.length);
  return declarations(manifest)
    .filter((d) => d.customElement && d.tagName)
    .sort((a, b) => position(a) - position(b));
}

/** An event class's fields, what a listener reads (its static `eventName` aside). */
export const eventFields = (manifest: Manifest, className: string | undefined): Member[] =>
  declarations(manifest)
    .find((d) => d.name === className)
    ?.members?.filter((m) => m.kind === 'field' && !m.static) ?? [];
