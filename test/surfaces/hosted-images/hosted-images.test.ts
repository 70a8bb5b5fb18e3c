import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ImageRef, Message } from '../../../src/messages/message-model.js';
import type { Database } from '../../../src/storage/database.js';
import { HostedImages, hostedImagesPrefix } from '../../../src/surfaces/hosted-images/hosted-images.js';
import { openTestDatabase, testDatabaseEngine } from '../../support/test-database.js';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database?.close();
});
beforeEach(async () => {
  await database.prisma.imageAsset.deleteMany();
});

const chart = (id: string, bytes: number[]): ImageRef => ({
  id: id.repeat(64 / id.length),
  png: new Uint8Array(bytes),
  width: 800,
  height: 400,
});
const withImages = (...images: ImageRef[]): Message => ({
  fallbackText: 'Summary',
  blocks: images.map((image) => ({ type: 'image' as const, image, altText: 'Chart' })),
});

describe(`charts served by URL (${testDatabaseEngine()})`, () => {
  it('stores the same chart from many messages at the same moment once, and none of them fails', async () => {
    const images = new HostedImages(database.prisma, 'https://bot.example');
    const category = chart('a', [137, 80, 78, 71]);
    const trend = chart('b', [137, 80, 78, 72]);

    const stores = Array.from({ length: 8 }, () => images.store(withImages(category, trend)));
    await expect(Promise.all(stores)).resolves.toHaveLength(8);

    expect(await database.prisma.imageAsset.count()).toBe(2);
    expect(images.urlFor(category)).toBe(`https://bot.example${hostedImagesPrefix}${category.id}.png`);
  });

  it('serves a stored chart as PNG by its hash, and answers 404 for anything else', async () => {
    const images = new HostedImages(database.prisma, null);
    const category = chart('c', [137, 80, 78, 71, 13, 10]);
    await images.store(withImages(category));
    const route = images.route();
    const server: Server = createServer((request, response) => void route(request, response));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}${hostedImagesPrefix}`;
      const found = await fetch(`${base}${category.id}.png`);
      expect(found.status).toBe(200);
      expect(found.headers.get('content-type')).toBe('image/png');
      expect(new Uint8Array(await found.arrayBuffer())).toEqual(category.png);
      expect((await fetch(`${base}${'d'.repeat(64)}.png`)).status).toBe(404);
      expect((await fetch(`${base}../etc/passwd`)).status).toBe(404);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
