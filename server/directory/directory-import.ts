import type { Store } from '../db/store.js';
import { loadDirectoryFile, type DirectoryFile } from './directory-file.js';
import { upsertDirectory } from './upsert-directory.js';

/**
 * The directory file at start. The database is the directory (admins change it live); the file
 * bootstraps an empty database and is imported again only when its content changed since the last
 * import, so a restart never undoes an admin's edits. An import brings the entries the file lists
 * in line with it (file wins for those); entries only an admin made stay, and retired stay retired.
 */
export async function importDirectoryFile(store: Store, path: string, clock: () => number): Promise<{ file: DirectoryFile; imported: boolean }> {
  const { file, sha256 } = loadDirectoryFile(path);
  const { directoryFileImports } = store.tables;
  const [last] = await store.db.select({ sha256: directoryFileImports.sha256 }).from(directoryFileImports);
  if (last?.sha256 === sha256) return { file, imported: false };
  await upsertDirectory(store, file);
  await store.transaction(async (tx) => {
    await tx.db.delete(tx.tables.directoryFileImports);
    await tx.db.insert(tx.tables.directoryFileImports).values({ sha256, importedAt: clock() });
  });
  return { file, imported: true };
}
