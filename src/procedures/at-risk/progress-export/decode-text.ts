import type { FileReason } from './problem-reason.js';

/**
 * Spec "Accepted encodings": UTF-8 with or without BOM, and Windows-1252
 * (Excel's default "CSV" on Danish Windows). A file is UTF-8 when it decodes
 * as UTF-8 without a single invalid sequence: Windows-1252 text with æ, ø or å
 * practically never does, while every byte sequence is valid Windows-1252.
 */
export type TextEncoding = 'utf-8' | 'windows-1252';

export type DecodedText =
  | { readonly text: string; readonly encoding: TextEncoding }
  | { readonly text: null; readonly reason: FileReason };

const utf8 = new TextDecoder('utf-8', { fatal: true });
const windows1252 = new TextDecoder('windows-1252');

export function decodeText(bytes: Uint8Array): DecodedText {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    try {
      // The decoder drops the BOM itself (ignoreBOM defaults to false).
      return { text: utf8.decode(bytes), encoding: 'utf-8' };
    } catch {
      return { text: null, reason: { code: 'invalid_utf8_after_bom' } };
    }
  }
  // Excel's "Unicode text" export; decoding it as Windows-1252 would only
  // produce a confusing "missing column" list.
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    return { text: null, reason: { code: 'utf16' } };
  }
  try {
    return { text: utf8.decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: windows1252.decode(bytes), encoding: 'windows-1252' };
  }
}

export function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((byte, index) => bytes[index] === byte);
}
