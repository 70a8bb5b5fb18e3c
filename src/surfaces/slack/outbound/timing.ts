/** The clock and the wait the pacing code uses; tests may pass their own. */
export interface Timing {
  /** Milliseconds on a monotonic clock. */
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realTiming: Timing = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))),
};

/** Waits until `now() >= until`; setTimeout may wake a fraction of a millisecond early, so check and sleep again. */
export async function sleepUntil(timing: Timing, until: number): Promise<void> {
  for (let left = until - timing.now(); left > 0; left = until - timing.now()) {
    await timing.sleep(Math.ceil(left));
  }
}
