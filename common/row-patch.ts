/**
 * The live stream's field-level deltas (issue 20): the server sends of a row only the fields that
 * changed since the frame its clients last got, and a client merges them into the row it holds.
 * A patch names its row by its key and sets each field it carries; rows have no optional fields
 * (absent is `null`), so setting fields is all a patch ever does, and applying one twice is harmless.
 */

/**
 * The fields of `next` that differ from `prev` (arrays and objects compared by value) plus `key`,
 * or null when none differs. `clockFields` move with the server's clock alone (a queue's `asOf` and
 * `longestWait`): they make no patch on their own, since the row a client holds stays true to
 * itself, and they go along with every patch, so the row's time basis stays whole.
 */
export function rowPatch<R extends object>(prev: R, next: R, key: keyof R, clockFields: readonly (keyof R)[] = []): Partial<R> | null {
  let patch: Partial<R> | null = null;
  for (const field of Object.keys(next) as (keyof R)[]) {
    if (field === key || clockFields.includes(field) || sameValue(prev[field], next[field])) continue;
    patch ??= {};
    patch[field] = next[field];
  }
  if (!patch) return null;
  patch[key] = next[key];
  for (const field of clockFields) patch[field] = next[field];
  return patch;
}

/** Sets each patch's fields over the row held under its `key` (a patch for a row not held yet is the whole row: the server sends it so); the ids touched. */
export function mergeRows<R extends object>(rows: Map<string, R>, key: keyof R, patches: readonly Partial<R>[] = []): string[] {
  return patches.map((patch) => {
    const id = patch[key] as string;
    rows.set(id, { ...rows.get(id), ...patch } as R);
    return id;
  });
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  // Rows' nested values (queue memberships, names, monitoring) are small plain JSON.
  return JSON.stringify(a) === JSON.stringify(b);
}
