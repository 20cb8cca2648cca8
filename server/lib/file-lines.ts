import { open, stat, type FileHandle } from 'node:fs/promises';

export interface FileLine {
  text: string;
  /** Line number, from 1, counted on across rotations. */
  n: number;
  /** False for a last line without its end of line. */
  terminated: boolean;
}

export interface FileLinesOptions {
  /** Keep reading as the file grows, across rotation (renamed, a new file in its place) and truncation. */
  follow?: boolean;
  /** Ends following (at the end of what was written). */
  signal?: AbortSignal;
  /** Called each time a followed file has nothing more to read for now. */
  onIdle?: () => Promise<void>;
  pollMs?: number;
}

const CHUNK = 1 << 20;

/**
 * The lines of a file, read in chunks: memory stays flat however large the file. Followed, a line is
 * given only once its end of line is written, and the file is checked for rotation at each pause: a new
 * file at the path (another inode) is read from its start once the old one is read to its end; a file
 * shorter than what was read (copy-truncate) is read again from its start.
 */
export async function* fileLines(path: string, options: FileLinesOptions = {}): AsyncGenerator<FileLine> {
  const pollMs = options.pollMs ?? 200;
  const buffer = Buffer.allocUnsafe(CHUNK);
  let file: FileHandle = await open(path, 'r');
  let ino = (await file.stat()).ino;
  let position = 0;
  let carry = '';
  let n = 0;
  const decoder = new TextDecoder('utf-8');
  try {
    for (;;) {
      const { bytesRead } = await file.read(buffer, 0, CHUNK, position);
      if (bytesRead > 0) {
        position += bytesRead;
        const text = carry + decoder.decode(buffer.subarray(0, bytesRead), { stream: true });
        let start = 0;
        for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
          yield { text: text.slice(start, nl), n: ++n, terminated: true };
          start = nl + 1;
        }
        carry = text.slice(start);
        continue;
      }
      if (!options.follow || options.signal?.aborted) break;
      await options.onIdle?.();
      const rotated = await replacement(path, ino);
      if (rotated) {
        // The old file is read to its end: a line it left unfinished stays so.
        if (carry !== '') yield { text: carry, n: ++n, terminated: false };
        carry = '';
        await file.close();
        file = rotated.file;
        ino = rotated.ino;
        position = 0;
        continue;
      }
      if ((await file.stat()).size < position) {
        position = 0;
        carry = '';
        continue;
      }
      await pause(pollMs, options.signal);
    }
    carry += decoder.decode();
    if (carry !== '') yield { text: carry, n: ++n, terminated: false };
  } finally {
    await file.close();
  }
}

/** The file now at `path`, if it is another than the one open (rotated); null while there is none yet. */
async function replacement(path: string, ino: number): Promise<{ file: FileHandle; ino: number } | null> {
  const now = await stat(path).catch(() => null);
  if (!now || now.ino === ino) return null;
  const file = await open(path, 'r').catch(() => null);
  if (!file) return null;
  return { file, ino: (await file.stat()).ino };
}

function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
