import { describe, expect, it } from 'vitest';
import { MethodWindow } from '../../../../src/surfaces/slack/outbound/method-window.js';
import type { Timing } from '../../../../src/surfaces/slack/outbound/timing.js';

/** A clock that moves only when the test says so; sleepers wake when their time has come. */
class ManualClock implements Timing {
  private time = 0;
  private sleepers: { until: number; wake: () => void }[] = [];

  now(): number {
    return this.time;
  }

  sleep(ms: number): Promise<void> {
    return new Promise((wake) => this.sleepers.push({ until: this.time + ms, wake }));
  }

  async advanceTo(time: number): Promise<void> {
    this.time = time;
    const due = this.sleepers.filter((sleeper) => sleeper.until <= time);
    this.sleepers = this.sleepers.filter((sleeper) => sleeper.until > time);
    for (const sleeper of due) sleeper.wake();
    await settle();
  }
}

/** Lets every promise that can move, move. */
async function settle(): Promise<void> {
  for (let turn = 0; turn < 20; turn += 1) await Promise.resolve();
}

/** Enters the window and records when the slot was granted. */
function enter(window: MethodWindow, clock: ManualClock) {
  const entry = { grantedAt: null as number | null, answer: null as (() => void) | null };
  void window.enter().then((answerArrived) => {
    entry.grantedAt = clock.now();
    entry.answer = answerArrived;
  });
  return entry;
}

describe('a method’s window (two calls per 1,000 ms)', () => {
  it('lets the first two calls go at once and holds the third', async () => {
    const clock = new ManualClock();
    const window = new MethodWindow({ calls: 2, perMs: 1_000 }, clock);
    const [first, second, third] = [enter(window, clock), enter(window, clock), enter(window, clock)];
    await settle();
    expect([first.grantedAt, second.grantedAt, third.grantedAt]).toEqual([0, 0, null]);
  });

  it('counts a call from its answer: one answered at 300 ms frees its slot at 1,300 ms, not 1,000 ms', async () => {
    const clock = new ManualClock();
    const window = new MethodWindow({ calls: 2, perMs: 1_000 }, clock);
    const [first, second, third] = [enter(window, clock), enter(window, clock), enter(window, clock)];
    await settle();
    await clock.advanceTo(100);
    second.answer?.();
    await clock.advanceTo(300);
    first.answer?.();
    await settle();

    await clock.advanceTo(1_000);
    expect(third.grantedAt).toBeNull();
    await clock.advanceTo(1_100);
    expect(third.grantedAt).toBe(1_100);
    expect(first.grantedAt).toBe(0);
  });

  it('while every slot’s call is still out, waits for an answer, however long it takes', async () => {
    const clock = new ManualClock();
    const window = new MethodWindow({ calls: 1, perMs: 1_000 }, clock);
    const [slow, next] = [enter(window, clock), enter(window, clock)];
    await settle();
    await clock.advanceTo(5_000);
    expect(next.grantedAt).toBeNull();

    slow.answer?.();
    await clock.advanceTo(5_999);
    expect(next.grantedAt).toBeNull();
    await clock.advanceTo(6_000);
    expect(next.grantedAt).toBe(6_000);
  });

  it('serves callers first come, first served', async () => {
    const clock = new ManualClock();
    const window = new MethodWindow({ calls: 1, perMs: 1_000 }, clock);
    const order: string[] = [];
    const callers = ['a', 'b', 'c'].map((name) =>
      window.enter().then((answerArrived) => {
        order.push(name);
        answerArrived();
      }),
    );
    for (const time of [0, 1_000, 2_000]) await clock.advanceTo(time);
    await Promise.all(callers);
    expect(order).toEqual(['a', 'b', 'c']);
  });
});
