// An export's files live in PostgreSQL (workspace_export_chunks), so whichever process serves the download
// can read what the worker process wrote. A file is written a piece at a time: text is buffered up to
// CHUNK_CHARS, gzipped (each chunk its own gzip member) and stored as one row, so memory holds at most one
// chunk per open file however large the workspace. Reading gunzips the chunks in order.
import { promisify } from "node:util";
import { gunzip as gunzipCallback, gzip as gzipCallback } from "node:zlib";
import type { Tx } from "@/server/services/scope";

const gzip = promisify(gzipCallback);
const gunzip = promisify(gunzipCallback);

/** Text buffered per file before it is compressed and stored (~1 MB of UTF-16 in memory). */
export const CHUNK_CHARS = 512 * 1024;

export interface ExportIds {
  workspaceId: string;
  exportId: string;
}

export class ChunkWriter {
  private parts: string[] = [];
  private buffered = 0;
  private seq = 0;
  /** Bytes of the file before compression (UTF-8). */
  bytes = 0;

  constructor(
    private readonly db: Tx,
    private readonly ids: ExportIds,
    readonly file: string,
  ) {}

  async write(text: string): Promise<void> {
    this.parts.push(text);
    this.buffered += text.length;
    if (this.buffered >= CHUNK_CHARS) await this.flush();
  }

  /** Writes what is buffered; call once more at the end of the file. */
  async flush(): Promise<void> {
    if (!this.buffered) return;
    const raw = Buffer.from(this.parts.join(""), "utf8");
    this.parts = [];
    this.buffered = 0;
    this.bytes += raw.length;
    const data = await gzip(raw);
    await this.db.workspaceExportChunk.create({ data: { ...this.ids, file: this.file, seq: this.seq++, data } });
  }
}

/** The file's content, a chunk at a time (one chunk in memory), for a streamed download. */
export async function* readChunks(db: Tx, ids: ExportIds, file: string): AsyncGenerator<Buffer> {
  for (let seq = 0; ; seq++) {
    const chunk = await db.workspaceExportChunk.findUnique({
      where: { workspaceId_exportId_file_seq: { ...ids, file, seq } },
      select: { data: true },
    });
    if (!chunk) return;
    yield await gunzip(chunk.data);
  }
}
