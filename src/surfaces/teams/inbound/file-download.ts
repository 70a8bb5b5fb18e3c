import type { FileAttachment } from './activity-schemas.js';

export type DownloadResult =
  | { readonly kind: 'file'; readonly name: string; readonly bytes: Uint8Array }
  | { readonly kind: 'too_large'; readonly name: string }
  | { readonly kind: 'unavailable'; readonly name: string; readonly reason: string };

/** A progress export is a few megabytes; this leaves a wide margin and still bounds memory. */
export const defaultMaxFileBytes = 50 * 1024 * 1024;

/**
 * Downloads a file shared in a 1:1 chat from its pre-authenticated
 * `downloadUrl` (no bot token is sent along: the URL itself is the grant).
 */
export async function downloadSharedFile(
  file: FileAttachment,
  options: { readonly maxBytes: number; readonly timeoutMs?: number },
): Promise<DownloadResult> {
  const name = file.name;
  let response: Response;
  try {
    response = await fetch(file.content.downloadUrl, {
      redirect: 'follow',
      signal: AbortSignal.timeout(options.timeoutMs ?? 60_000),
    });
  } catch (error) {
    return { kind: 'unavailable', name, reason: error instanceof Error ? error.message : String(error) };
  }
  if (!response.ok || !response.body) {
    await response.body?.cancel();
    return { kind: 'unavailable', name, reason: `HTTP ${response.status}` };
  }
  if (Number(response.headers.get('content-length') ?? 0) > options.maxBytes) {
    await response.body.cancel();
    return { kind: 'too_large', name };
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body) {
    size += chunk.byteLength;
    if (size > options.maxBytes) return { kind: 'too_large', name };
    chunks.push(chunk);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { kind: 'file', name, bytes };
}
