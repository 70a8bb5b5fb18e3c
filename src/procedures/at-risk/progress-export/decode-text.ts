/**
 * Spec "Accepted encodings": UTF-8 with or without BOM, and Windows-1252
 * (Excel's default "CSV" on Danish Windows). Which one a file is, is decided
 * by openProgressExport from a pass over its bytes.
 */
export type TextEncoding = 'utf-8' | 'windows-1252';

export function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((byte, index) => bytes[index] === byte);
}
