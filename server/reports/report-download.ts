import { promisify } from 'node:util';
import { inflateRaw as inflateRawCb } from 'node:zlib';
import type { ReportStore } from './report-store.js';

const inflateRaw = promisify(inflateRawCb);

/**
 * A ready report's CSV as a byte stream, one stored chunk (a page of rows) at
 * a time: a chunk is read and inflated only when the client has taken the one
 * before (pull, one chunk ahead), so memory stays flat however large the file.
 * A report deleted mid-download ends the stream with an error: the client sees
 * a failed download (the length was announced), never a silently short file.
 */
export function reportCsvStream(store: ReportStore, reportId: string, chunkCount: number): ReadableStream<Uint8Array> {
  let seq = 0;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (seq >= chunkCount) return controller.close();
        const data = await store.chunk(reportId, seq++);
        if (!data) return controller.error(new Error(`Report ${reportId} was deleted while it was being downloaded.`));
        controller.enqueue(await inflateRaw(data));
      },
    },
    { highWaterMark: 1 },
  );
}
