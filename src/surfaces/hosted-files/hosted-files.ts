import type { PrismaClient } from '../../generated/prisma/client.js';
import type { RouteHandler } from '../../http/http-server.js';
import { sendJson } from '../../http/http-server.js';
import { fileIdPattern } from '../../messages/file-ref.js';
import type { FileRef, Message } from '../../messages/message-model.js';
import type { ChatSurface } from '../chat-surface.js';

/** The path files are served under: `/files/<id>/<file name>`. */
export const hostedFilesPrefix = '/files/';

/** The path of a hosted file, relative to the bot's address (the console links to it so). */
export function hostedFilePath(file: Pick<FileRef, 'id' | 'fileName'>): string {
  return `${hostedFilesPrefix}${file.id}/${encodeURIComponent(file.fileName)}`;
}

/**
 * Files posted with a message, kept for the surfaces that link to them
 * (Teams bots cannot attach files in a channel; the console is a web page).
 * A file's id is random (newFileRef), so its link is its only key: the
 * files we post hold no personal data (the board-meeting pack is counts
 * only), and the link is shared only in the board's channel.
 */
export class HostedFiles {
  constructor(
    private readonly prisma: PrismaClient,
    private publicUrl: string | null,
  ) {}

  /** Without PUBLIC_URL (local development), the server's own address; set once it listens. */
  useServerUrlUnlessPublic(serverUrl: string): void {
    this.publicUrl ??= serverUrl;
  }

  urlFor(file: Pick<FileRef, 'id' | 'fileName'>): string | null {
    return this.publicUrl ? `${this.publicUrl}${hostedFilePath(file)}` : null;
  }

  /** Stores a message's files before it is posted, so their links work; a file stored before is left. */
  async store(message: Message): Promise<void> {
    const files = message.blocks.flatMap((block) => (block.type === 'file' ? [block.file] : []));
    if (files.length === 0) return;
    await this.prisma.hostedFile.createMany({
      data: files.map(({ id, fileName, mediaType, bytes }) => ({
        id,
        fileName,
        mediaType,
        bytes: new Uint8Array(bytes),
      })),
      skipDuplicates: true,
    });
  }

  /** The surface, storing a message's files before it is posted or updated. */
  around(surface: ChatSurface): ChatSurface {
    return {
      name: surface.name,
      postMessage: async (destination, message) => {
        await this.store(message);
        return surface.postMessage(destination, message);
      },
      updateMessage: async (posted, message) => {
        await this.store(message);
        return surface.updateMessage(posted, message);
      },
      resolveUser: (email, options) => surface.resolveUser(email, options),
    };
  }

  /** `GET /files/<id>[/<name>]`: the bytes, as a download under the file's own name. */
  route(): RouteHandler {
    return async (request, response) => {
      const path = new URL(request.url ?? '/', 'http://localhost').pathname.slice(hostedFilesPrefix.length);
      const id = path.split('/')[0] ?? '';
      const file = fileIdPattern.test(id) ? await this.prisma.hostedFile.findUnique({ where: { id } }) : null;
      if (!file) return sendJson(response, 404, { error: 'no such file' });
      response.writeHead(200, {
        'content-type': file.mediaType,
        'content-length': file.bytes.byteLength,
        'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        // Private: a shared cache must not keep a file whose link is its only key.
        'cache-control': 'private, max-age=86400',
        'x-content-type-options': 'nosniff',
      });
      response.end(Buffer.from(file.bytes));
    };
  }
}
