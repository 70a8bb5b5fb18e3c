import type { PrismaClient } from '../../src/generated/prisma/client.js';

/**
 * An instance as the `instance` table knows it: alive (its lease runs for
 * another ten minutes) or dead (its lease ran out a second ago, as a killed
 * process leaves it). Returns its id, to name as a claim's holder.
 */
export async function seedInstance(
  prisma: PrismaClient,
  id: string,
  state: 'alive' | 'dead',
): Promise<string> {
  await prisma.$executeRaw`
    INSERT INTO instance (id, expires_at)
    VALUES (${id}, clock_timestamp() + ${state === 'alive' ? 600 : -1}::int * interval '1 second')
    ON CONFLICT (id) DO UPDATE SET expires_at = EXCLUDED.expires_at`;
  return id;
}
