import { VERSION } from './version.js';

/** A widget class carries the release it came from, so a second copy can tell whether it differs. */
export interface FloorviewElementClass extends CustomElementConstructor {
  readonly floorviewVersion?: string;
}

const WARNED = Symbol.for('floorview/define-warnings');
type Page = typeof globalThis & { [WARNED]?: Set<string> };

/**
 * Registers `tag` unless it is already taken. A host page may load two bundles,
 * or one bundle twice; `customElements.define` would throw on the second, so:
 * the same class or the same release → nothing; another release → one warning
 * per tag and page, never an exception (the first definition keeps working).
 */
export function defineElement(tag: string, element: FloorviewElementClass): void {
  const existing = customElements.get(tag) as FloorviewElementClass | undefined;
  if (!existing) {
    customElements.define(tag, element);
    return;
  }
  const version = element.floorviewVersion ?? VERSION;
  if (existing === element || existing.floorviewVersion === version) return;
  const warned = ((globalThis as Page)[WARNED] ??= new Set());
  if (warned.has(tag)) return;
  warned.add(tag);
  console.warn(
    `Floorview: <${tag}> is already defined by ${existing.floorviewVersion ? `Floorview ${existing.floorviewVersion}` : 'another script'}; ` +
      `this copy (${version}) is not used. Load one Floorview release per page.`,
  );
}
