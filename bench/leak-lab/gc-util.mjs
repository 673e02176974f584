// Helpers shared by the finalizer experiments (run with `node --expose-gc`).
import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';

/**
 * Forces full collections and gives FinalizationRegistry callbacks a chance to run: V8 queues
 * them after a GC and runs them in a later task, so the event loop has to turn.
 */
export async function collectAndSettle(rounds = 3) {
  if (typeof globalThis.gc !== 'function') throw new Error('leak-lab: run node with --expose-gc');
  for (let i = 0; i < rounds; i++) {
    await nextTurn();
    globalThis.gc();
    await sleep(5);
  }
}
