// One widget's API as rows of cells (plain text with `code` spans), for the README's Markdown tables
// and the docs page's HTML tables alike: attributes, properties, events, slots, parts, CSS properties.
import { type Declaration, declarations, type Described, eventFields, type Manifest, type Member } from './manifest.js';

export interface Table {
  title: string;
  head: string[];
  rows: string[][];
}

const code = (text: string | undefined) => (text ? `\`${text}\`` : '');
const typeOf = (item: { type?: { text: string } }) => code(item.type?.text);

/** The class the theme tokens and the shared attributes are documented on. */
export const BASE_CLASS = 'FloorviewElement';

const baseClass = (manifest: Manifest) => declarations(manifest).find((d) => d.name === BASE_CLASS);

/**
 * The tables of one widget. What it inherits unchanged from the base class (the common attributes,
 * the theme tokens) is left to `commonTable` and `themeTable`; a common attribute the widget
 * describes in its own words (which token it takes) stays.
 */
export function widgetTables(manifest: Manifest, element: Declaration): Table[] {
  const base = baseClass(manifest);
  const own = <T extends Described>(item: T, inherited: readonly Described[] | undefined) =>
    item.inheritedFrom?.name !== BASE_CLASS || inherited?.find((b) => b.name === item.name)?.description !== item.description;
  const members: Member[] = (element.members ?? []).filter((m) => own(m, base?.members));
  const attributes = (element.attributes ?? []).filter((a) => own(a, base?.attributes));
  const fields = members.filter((m) => m.kind === 'field' && !m.static);
  const methods = members.filter((m) => m.kind === 'method' && !m.static);
  const ownCss = (element.cssProperties ?? []).filter((p) => own(p, base?.cssProperties));
  return [
    {
      title: 'Attributes',
      head: ['attribute', 'property', 'type', 'default', 'meaning'],
      rows: attributes.map((a) => [code(a.name), code(a.fieldName), typeOf(a), code(a.default), a.description ?? '']),
    },
    {
      // The attributes' properties are in the table above.
      title: 'Other properties and methods',
      head: ['name', 'type', 'default', 'meaning'],
      rows: [
        ...fields.filter((f) => !f.attribute).map((f) => [code(f.name), typeOf(f), code(f.default), f.description ?? '']),
        ...methods.map((m) => [code(`${m.name}(${(m.parameters ?? []).map((p) => p.name).join(', ')})`), 'method', '', m.description ?? '']),
      ],
    },
    {
      title: 'Events',
      head: ['event', 'class', 'fields', 'when'],
      rows: (element.events ?? []).map((e) => [
        code(e.name),
        typeOf(e),
        eventFields(manifest, e.type?.text)
          .map((f) => `${code(f.name)}: ${typeOf(f)}`)
          .join(', '),
        e.description ?? '',
      ]),
    },
    { title: 'Slots', head: ['slot', 'meaning'], rows: (element.slots ?? []).map((s) => [s.name ? code(s.name) : '(default)', s.description ?? '']) },
    { title: 'Parts', head: ['part', 'meaning'], rows: (element.cssParts ?? []).map((p) => [code(p.name), p.description ?? '']) },
    { title: 'CSS properties', head: ['property', 'meaning'], rows: ownCss.map((p) => [code(p.name), p.description ?? '']) },
  ];
}

/** The attributes every widget reads, and the properties without one (`tokenProvider`), documented once on the widgets' base class. */
export function commonTable(manifest: Manifest): Table {
  const base = baseClass(manifest);
  const attributes = base?.attributes ?? [];
  const properties = (base?.members ?? []).filter((m) => m.kind === 'field' && !m.static && !m.attribute && !m.privacy);
  return {
    title: 'Common attributes',
    head: ['attribute', 'property', 'type', 'meaning'],
    rows: [
      ...attributes.map((a) => [code(a.name), code(a.fieldName), typeOf(a), a.description ?? '']),
      ...properties.map((p) => ['(property only)', code(p.name), typeOf(p), p.description ?? '']),
    ],
  };
}

/** The theme tokens, documented once on the widgets' base class. */
export function themeTable(manifest: Manifest): Table {
  const base = baseClass(manifest);
  return { title: 'Theme tokens', head: ['property', 'meaning'], rows: (base?.cssProperties ?? []).map((p) => [code(p.name), p.description ?? '']) };
}

/** The functions the package entry exports (defineElement, registerLanguage…). */
export function functionsTable(manifest: Manifest): Table {
  const functions = declarations(manifest).filter((d) => d.kind === 'function');
  return {
    title: 'Functions',
    head: ['function', 'parameters', 'meaning'],
    rows: functions.map((f) => [code(f.name), (f.parameters ?? []).map((p) => `${code(p.optional ? `${p.name}?` : p.name)}: ${typeOf(p)}`).join(', '), f.description ?? '']),
  };
}

/** Whether a widget's element reads the theme tokens (the provider has no look of its own). */
export const themed = (element: Declaration) => (element.cssProperties ?? []).some((p) => p.inheritedFrom?.name === BASE_CLASS);
