import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { afterEach, describe, expect, test } from 'vitest';
import { AppPackageError, buildAppPackage } from '../../../src/surfaces/teams/manifest/build-app-package.js';

const clientId = '11111111-2222-3333-4444-555555555555';
let folder: string | undefined;

afterEach(async () => {
  if (folder) await rm(folder, { recursive: true, force: true });
});

/** Reads a ZIP's entries through its central directory, inflating each one. */
function unzip(zip: Buffer): Map<string, Buffer> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  const entries = new Map<string, Buffer>();
  for (let index = 0; index < count; index++) {
    expect(zip.readUInt32LE(offset)).toBe(0x02014b50);
    const method = zip.readUInt16LE(offset + 10);
    const compressedSize = zip.readUInt32LE(offset + 20);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    const localOffset = zip.readUInt32LE(offset + 42);
    const name = zip.subarray(offset + 46, offset + 46 + nameLength).toString('utf8');
    const localNameLength = zip.readUInt16LE(localOffset + 26);
    const localExtraLength = zip.readUInt16LE(localOffset + 28);
    const dataStart = localOffset + 30 + localNameLength + localExtraLength;
    const data = zip.subarray(dataStart, dataStart + compressedSize);
    entries.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('the Teams app package', () => {
  test('is a zip of the manifest with the client id filled in and the two icons at their sizes', async () => {
    folder = await mkdtemp(join(tmpdir(), 'trafiklys-teams-package-'));
    const output = buildAppPackage({
      clientId,
      botDomain: 'trafiklys.uni.example',
      outputPath: join(folder, 'teams-app.zip'),
    });

    const entries = unzip(await readFile(output));

    expect([...entries.keys()]).toEqual(['manifest.json', 'color.png', 'outline.png']);
    const manifest = JSON.parse(entries.get('manifest.json')?.toString('utf8') ?? '');
    expect(manifest).toMatchObject({
      manifestVersion: '1.17',
      id: clientId,
      icons: { color: 'color.png', outline: 'outline.png' },
      bots: [
        {
          botId: clientId,
          scopes: ['personal', 'team', 'groupChat'],
          supportsFiles: true,
          commandLists: [{ commands: [{ title: 'trafiklys' }] }],
        },
      ],
      validDomains: ['trafiklys.uni.example'],
    });
    expect(JSON.stringify(manifest)).not.toContain('${');
    expect(pngSize(entries.get('color.png') ?? Buffer.alloc(0))).toEqual({ width: 192, height: 192 });
    expect(pngSize(entries.get('outline.png') ?? Buffer.alloc(0))).toEqual({ width: 32, height: 32 });
  });

  test('the outline icon is white on transparent, as Teams requires', async () => {
    const image = await loadImage(
      await readFile(new URL('../../../manifests/teams/outline.png', import.meta.url)),
    );
    const canvas = createCanvas(image.width, image.height);
    const context = canvas.getContext('2d');
    context.drawImage(image, 0, 0);
    const { data } = context.getImageData(0, 0, image.width, image.height);
    let transparent = 0;
    for (let index = 0; index < data.length; index += 4) {
      const alpha = data[index + 3] ?? 0;
      if (alpha === 0) transparent++;
      else expect([data[index], data[index + 1], data[index + 2]]).toEqual([255, 255, 255]);
    }
    expect(transparent).toBeGreaterThan((image.width * image.height) / 2);
  });

  test('without a client id, or with something else than a GUID, no package is written', () => {
    expect(() => buildAppPackage({ clientId: undefined, outputPath: '/nonexistent/teams-app.zip' })).toThrow(
      AppPackageError,
    );
    expect(() => buildAppPackage({ clientId: 'my-bot', outputPath: '/nonexistent/teams-app.zip' })).toThrow(
      'TEAMS_CLIENT_ID: must be the bot',
    );
  });
});
