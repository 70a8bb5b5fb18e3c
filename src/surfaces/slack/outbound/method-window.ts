import type { MethodRateLimit } from './slack-call-policy.js';
import { sleepUntil, type Timing } from './timing.js';

/** Called when the call's answer has arrived; from then on its slot counts down the window. */
export type AnswerArrived = () => void;

interface Slot {
  /** When the slot is free again: the answer's arrival plus the window; infinite while the call is out. */
  freesAt: number;
}

/**
 * At most `calls` calls of one method in any `perMs` window, as Slack counts
 * them. Slack counts a call when it arrives, a moment we cannot see: it lies
 * between sending and the answer. Counting from the send lets a call that
 * waited for a connection (or for the global concurrency bound) arrive inside
 * the window of one sent later but delivered sooner, and Slack answers 429
 * with a whole second of Retry-After. So a slot is held from the send until
 * `perMs` after the answer: never early, at the cost of one round trip.
 * Callers take slots first come, first served.
 */
export class MethodWindow {
  private readonly slots: Slot[] = [];
  private turns: Promise<unknown> = Promise.resolve();
  private wakeOnAnswer: (() => void) | null = null;

  constructor(
    private readonly limit: MethodRateLimit,
    private readonly timing: Timing,
  ) {}

  /** Waits for a slot; the caller must call the returned function when the answer (or a failure) arrives. */
  enter(): Promise<AnswerArrived> {
    const mine = this.turns.then(() => this.takeSlot());
    this.turns = mine;
    return mine;
  }

  private async takeSlot(): Promise<AnswerArrived> {
    for (;;) {
      this.dropFreed(this.timing.now());
      if (this.slots.length < this.limit.calls) break;
      // A call answered later frees its slot later, so the earliest answered slot frees first.
      const earliest = Math.min(...this.slots.map((slot) => slot.freesAt));
      if (Number.isFinite(earliest)) await sleepUntil(this.timing, earliest);
      else await new Promise<void>((resolve) => (this.wakeOnAnswer = resolve));
    }
    const slot: Slot = { freesAt: Number.POSITIVE_INFINITY };
    this.slots.push(slot);
    return () => {
      if (Number.isFinite(slot.freesAt)) return;
      slot.freesAt = this.timing.now() + this.limit.perMs;
      const wake = this.wakeOnAnswer;
      this.wakeOnAnswer = null;
      wake?.();
    };
  }

  private dropFreed(now: number): void {
    for (let index = this.slots.length - 1; index >= 0; index -= 1) {
      if (this.slots[index]!.freesAt <= now) this.slots.splice(index, 1);
    }
  }
}
