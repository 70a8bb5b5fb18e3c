/** Reproducible draws for generated data: the same seed gives the same sequence. */
export type Random = () => number;

/** mulberry32: small, fast and good enough to draw test data reproducibly. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** One option, uniformly. */
export function pick<T>(random: Random, options: readonly T[]): T {
  const option = options[Math.floor(random() * options.length)];
  if (option === undefined) throw new Error('pick from an empty list');
  return option;
}

/** One option with a probability proportional to its weight. */
export function weighted<T>(random: Random, options: readonly (readonly [T, number])[]): T {
  const total = options.reduce((sum, [, weight]) => sum + weight, 0);
  let remaining = random() * total;
  for (const [option, weight] of options) {
    remaining -= weight;
    if (remaining < 0) return option;
  }
  const last = options.at(-1);
  if (last === undefined) throw new Error('weighted pick from an empty list');
  return last[0];
}
