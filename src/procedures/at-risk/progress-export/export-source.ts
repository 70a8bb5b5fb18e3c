import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

/**
 * An export's bytes, readable from the start as often as needed: a file is
 * read twice (once to hash and sniff it, once to parse it), never held whole.
 */
export interface ExportSource {
  chunks(): AsyncIterable<Uint8Array>;
}

/**
 * Pieces of this size: a piece's decoded text, and the records split from it
 * all at once, is what the reader holds at a time. 1 MiB pieces made ~6,600
 * records live together, enough to be promoted out of V8's young generation
 * (see rowBatchSize); 64 KiB pieces read as fast.
 */
const chunkBytes = 1 << 16;

/** Bytes already in memory (a chat upload), handed out in pieces so the decoded text is never whole either. */
export function exportBytes(bytes: Uint8Array): ExportSource {
  return {
    async *chunks() {
      for (let start = 0; start < bytes.length; start += chunkBytes) {
        yield bytes.subarray(start, start + chunkBytes);
      }
    },
  };
}

export function exportFile(path: string): ExportSource {
  return { chunks: () => createReadStream(path, { highWaterMark: chunkBytes }) };
}

/** What the first pass learns: the file's hash, how it starts, and whether it is UTF-8 throughout. */
export interface InspectedBytes {
  readonly sha256: string;
  readonly byteLength: number;
  /** The first bytes, for the signatures (ZIP, OLE2, byte order marks). */
  readonly head: Uint8Array;
  /** Whether every byte sequence is valid UTF-8 (decides UTF-8 or Windows-1252). */
  readonly isUtf8: boolean;
  /** The whole file, kept only when `keepWhole` said so for its head (an XLSX workbook). */
  readonly whole: Uint8Array | null;
}

const headLength = 8;

/**
 * One pass over the bytes: sha256 (the import's idempotency key) and UTF-8
 * validity, both native and far cheaper than parsing. Validity is checked a
 * piece at a time; a character cut by a piece boundary is carried over.
 */
export async function inspectBytes(
  source: ExportSource,
  keepWhole: (head: Uint8Array) => boolean,
): Promise<InspectedBytes> {
  const hash = createHash('sha256');
  let head: Uint8Array | null = null;
  let byteLength = 0;
  let valid = true;
  let carry = new Uint8Array(0);
  let kept: Uint8Array[] | null = null;
  for await (const chunk of source.chunks()) {
    if (chunk.length === 0) continue;
    hash.update(chunk);
    byteLength += chunk.length;
    // A file's first piece is far longer than any signature (a read stream's is 64 KiB).
    if (head === null) {
      head = chunk.slice(0, headLength);
      if (keepWhole(head)) kept = [];
    }
    kept?.push(chunk);
    if (!valid) continue;
    const bytes = carry.length === 0 ? chunk : concat([carry, chunk]);
    const cut = bytes.length - incompleteTail(bytes);
    valid = isUtf8(bytes.subarray(0, cut));
    carry = bytes.slice(cut);
  }
  if (carry.length > 0) valid = false;
  return {
    sha256: hash.digest('hex'),
    byteLength,
    head: head ?? new Uint8Array(0),
    isUtf8: valid,
    whole: kept === null ? null : concat(kept),
  };
}

/** How many bytes at the end start a UTF-8 sequence that the bytes do not finish. */
function incompleteTail(bytes: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const byte = bytes[bytes.length - back] ?? 0;
    if ((byte & 0xc0) === 0x80) continue; // a continuation byte: look further back
    const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return needed > back ? back : 0;
  }
  return 0;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  return Buffer.concat(parts);
}
