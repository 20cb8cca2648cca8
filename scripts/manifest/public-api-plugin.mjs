import { posix } from 'node:path';

// The manifest describes what an integrator can use: the declarations the package entry exports (the
// element and event classes, defineElement, …), the classes they extend, and the tag definitions. Helper
// modules, private, protected and @internal members stay out; the analyzer's references
// (`/widgets/x.js`) are written as the module paths it lists (`widgets/x.ts`).

/** A reference as the analyzer wrote it (`/widgets/x.js`, or `./x.js` in a re-export from `from`) as a module path. */
const modulePath = (reference, from) =>
  (reference.startsWith('.') ? posix.join(posix.dirname(from), reference) : reference.replace(/^\//, '')).replace(/\.js$/, '.ts');

/** Rewrites every `module` reference under `value`, found in the module `from`, to a module path. */
function normalizeReferences(value, from) {
  if (Array.isArray(value)) return value.forEach((item) => normalizeReferences(item, from));
  if (!value || typeof value !== 'object') return;
  if (typeof value.module === 'string') value.module = modulePath(value.module, from);
  Object.values(value).forEach((item) => normalizeReferences(item, from));
}

/** `module#name` of every declaration an integrator reaches from the entry, and the classes they extend. */
function publicDeclarations(manifest, entry) {
  const byKey = new Map(manifest.modules.flatMap((m) => (m.declarations ?? []).map((d) => [`${m.path}#${d.name}`, d])));
  const keys = new Set();
  const modules = new Map(manifest.modules.map((m) => [m.path, m]));
  const add = (module, name) => {
    const key = `${module}#${name}`;
    const declaration = byKey.get(key);
    // Not declared here: re-exported (`export { x } from './y.js'`), so followed to where it is.
    const reexport = declaration ? null : modules.get(module)?.exports?.find((e) => e.name === name && e.declaration?.module);
    if (reexport) return add(reexport.declaration.module, reexport.declaration.name);
    if (!declaration || keys.has(key)) return;
    keys.add(key);
    if (declaration.superclass?.module) add(declaration.superclass.module, declaration.superclass.name);
  };
  const entryModule = manifest.modules.find((m) => m.path === entry);
  if (!entryModule) throw new Error(`The manifest has no module ${entry}`);
  for (const e of entryModule.exports ?? []) if (e.declaration?.module) add(e.declaration.module, e.declaration.name);
  return keys;
}

/**
 * An element's events found in its code (`dispatchEvent(new FvXEvent(…))`) carry their class, and a
 * name the analyzer guessed from the constructor's first argument; the class's static `eventName` is
 * the real one. Merged by name with the JSDoc `@fires`, which gives the description.
 */
function nameDispatchedEvents(manifest, element) {
  const eventNames = new Map(
    manifest.modules.flatMap((m) => m.declarations.map((d) => [d.name, d.members?.find((x) => x.name === 'eventName' && x.static)?.default])),
  );
  const named = new Map();
  for (const event of element.events) {
    const name = eventNames.get(event.type?.text)?.replace(/^'|'$/g, '') ?? event.name;
    named.set(name, { ...named.get(name), ...event, ...named.get(name), name });
  }
  element.events = [...named.values()];
}

/**
 * A property set from an attribute is documented once: the widget's `@attr` (its own words, e.g. which
 * token `token` takes), else the field's comment in the class that declares it. The field and the
 * attribute then say the same, so a tool showing either has the words.
 */
function shareDescriptions(element) {
  for (const attribute of element.attributes ?? []) {
    const field = element.members?.find((m) => m.name === attribute.fieldName);
    const description = attribute.description || field?.description;
    if (!field || !description) continue;
    attribute.description = field.description = description;
  }
}

/**
 * A function's overloads come out as one declaration each (the implementation's too): the first,
 * which carries the JSDoc, stays, with the parameters only later overloads take added as optional
 * (`registerLanguage(lang, catalogue, options?)`); the implementation's `_unused` ones are not API.
 */
function mergeOverloads(declarations) {
  const first = new Map();
  return declarations.filter((d) => {
    const kept = first.get(d.name);
    if (!kept) return first.set(d.name, d), true;
    for (const parameter of d.parameters ?? []) {
      if (parameter.name.startsWith('_') || kept.parameters?.some((p) => p.name === parameter.name)) continue;
      kept.parameters = [...(kept.parameters ?? []), { ...parameter, optional: true }];
    }
    return false;
  });
}

const isPublicMember = (member) => !member.privacy || member.privacy === 'public';

export function publicApiPlugin({ entry }) {
  return {
    name: 'floorview-public-api',
    packageLinkPhase({ customElementsManifest: manifest }) {
      for (const module of manifest.modules) normalizeReferences([module.declarations, module.exports], module.path);
      const keep = publicDeclarations(manifest, entry);
      for (const module of manifest.modules) {
        module.declarations = mergeOverloads((module.declarations ?? []).filter((d) => keep.has(`${module.path}#${d.name}`)));
        // defineElement's own customElements.define(tag, element) is not a definition: its class is a parameter.
        module.exports = (module.exports ?? []).filter((e) =>
          e.kind === 'custom-element-definition' ? keep.has(`${e.declaration.module}#${e.declaration.name}`) : module.path === entry || keep.has(`${module.path}#${e.declaration?.name}`),
        );
        for (const declaration of module.declarations) {
          if (declaration.members) declaration.members = declaration.members.filter(isPublicMember);
          // An abstract base class is shared code, not an element a page can use.
          if (declaration.customElement && !declaration.tagName) delete declaration.customElement;
          if (declaration.events) nameDispatchedEvents(manifest, declaration);
          shareDescriptions(declaration);
        }
      }
      manifest.modules = manifest.modules.filter((m) => m.declarations.length > 0 || m.exports.length > 0);
      manifest.modules.sort((a, b) => a.path.localeCompare(b.path));
    },
  };
}
