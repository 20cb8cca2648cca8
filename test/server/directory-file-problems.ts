import assert from 'node:assert/strict';
import { DirectoryFileError, parseDirectoryFile } from '../../server/directory/directory-file.js';

/** The message a directory file is refused with; fails the test if the file is accepted. */
export function directoryFileProblems(file: object): string {
  try {
    parseDirectoryFile(file, 'centre.json');
  } catch (err) {
    assert.ok(err instanceof DirectoryFileError);
    return err.message;
  }
  assert.fail('the file was accepted');
}
