import { expect, test } from 'vitest';
import { InMemoryReplayGuard } from '../../../src/surfaces/slack/inbound/replay-guard.js';

test('a key is new once, then seen until its time-to-live has passed, then new again', async () => {
  let now = 0;
  const guard = new InMemoryReplayGuard(() => now);

  const first = await guard.firstTime('slack:event:Ev1', 1_000);
  const again = await guard.firstTime('slack:event:Ev1', 1_000);
  const other = await guard.firstTime('slack:event:Ev2', 1_000);
  now = 1_000;
  const afterExpiry = await guard.firstTime('slack:event:Ev1', 1_000);

  expect([first, again, other, afterExpiry]).toEqual([true, false, true, true]);
});
