/**
 * Maps items with at most `limit` calls in flight, keeping the results in the
 * items' order. For work that waits on something else (a chat platform's
 * per-channel pace): one slow item does not hold up the others.
 */
export async function mapConcurrently<Item, Result>(
  items: readonly Item[],
  limit: number,
  work: (item: Item, index: number) => Promise<Result>,
): Promise<Result[]> {
  if (!(limit >= 1)) throw new RangeError(`concurrency must be at least 1, not ${limit}`);
  const results = new Array<Result>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as Item, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
