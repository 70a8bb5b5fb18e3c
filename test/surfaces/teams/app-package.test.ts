import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import JSZip from 'jszip';
import { afterEach, describe, expect, test } from 'vitest';
import { AppPackageError, buildAppPackage } from '../../../src/surfaces/teams/manifest/build-app-package.js';

const clientId = '11111111-2222-3333-4444-555555555555';
let folder: string | undefined;

afterEach(async () => {
  if (folder) await rm(folder, { recursive: true, force: true });
});

/** Every entry of a zip by name, each checked against its CRC-32 (JSZip with checkCRC32). */
async function unzip(zip: Buffer): Promise<Map<string, Buffer>> {
  const archive = await JSZip.loadAsync(zip, { checkCRC32: true });
  const entries = new Map<string, Buffer>();
  for (const entry of Object.values(archive.files)) {
    entries.set(entry.name, await entry.async('nodebuffer'));
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

    const entries = await unzip(await readFile(output));

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
          commandLists: [{ commands: [{ title: 'trafiklys' }, { title: 'deviation' }] }],
        },
      ],
      validDomains: ['trafiklys.uni.example'],
    });
    expect(JSON.stringify(manifest)).not.toContain('${');
    expect(pngSize(entries.get('color.png') ?? Buffer.alloc(0))).toEqual({ width: 192, height: 192 });
    expect(pngSize(entries.get('outline.png') ?? Buffer.alloc(0))).toEqual({ width: 32, height: 32 });
  });

  test('is the same bytes for the same inputs', async () => {
    folder = await mkdtemp(join(tmpdir(), 'trafiklys-teams-package-'));
    const first = await readFile(buildAppPackage({ clientId, outputPath: join(folder, 'first.zip') }));
    const second = await readFile(buildAppPackage({ clientId, outputPath: join(folder, 'second.zip') }));

    expect(second.equals(first)).toBe(true);
  });

  test('a package with one byte changed in an entry is refused by the reader, which checks each CRC-32', async () => {
    folder = await mkdtemp(join(tmpdir(), 'trafiklys-teams-package-'));
    const zip = await readFile(buildAppPackage({ clientId, outputPath: join(folder, 'teams-app.zip') }));
    expect((await unzip(zip)).size).toBe(3);

    // A byte of the manifest's compressed data: it inflates to other bytes, or not at all.
    const nameLength = zip.readUInt16LE(26);
    const extraLength = zip.readUInt16LE(28);
    const inData = Buffer.from(zip);
    const dataByte = 30 + nameLength + extraLength + 10;
    inData[dataByte] = (inData[dataByte] ?? 0) ^ 0x01;
    await expect(unzip(inData)).rejects.toThrow();

    // The CRC-32 the central directory records for the manifest (the first record, 16 bytes in).
    const centralDirectory = zip.readUInt32LE(zip.length - 22 + 16);
    const inChecksum = Buffer.from(zip);
    inChecksum[centralDirectory + 16] = (inChecksum[centralDirectory + 16] ?? 0) ^ 0x01;
    await expect(unzip(inChecksum)).rejects.toThrow(/crc32/i);
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
