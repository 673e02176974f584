#!/usr/bin/env node
// registry.register(target, held): the registry keeps `held` alive, so a held value that
// references its target keeps the target alive too, and the callback never runs.
//
//   node --expose-gc bench/leak-lab/held-value.mjs --count 100
//
// Prints JSON: how many of `count` dropped targets were finalized in each form.
import { parseArgs } from 'node:util';

import { collectAndSettle } from './gc-util.mjs';

export async function runHeldValue(count) {
  const finalized = { referencesTarget: 0, separate: 0 };
  const registries = {
    referencesTarget: new FinalizationRegistry(() => {
      finalized.referencesTarget++;
    }),
    separate: new FinalizationRegistry(() => {
      finalized.separate++;
    }),
  };

  (() => {
    for (let i = 0; i < count; i++) {
      const a = { id: i, buffer: new Array(64).fill(i) };
      registries.referencesTarget.register(a, { id: i, owner: a });
      const b = { id: i, buffer: new Array(64).fill(i) };
      registries.separate.register(b, { id: i });
    }
  })();

  await collectAndSettle(4);

  // The degenerate form, held === target, is refused outright.
  let sameValue;
  try {
    const t = {};
    registries.separate.register(t, t);
    sameValue = { threw: false };
  } catch (error) {
    sameValue = { threw: true, errorName: error?.name, message: error?.message };
  }
  return { count, finalized, heldIsTarget: sameValue };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { count: { type: 'string', default: '100' } } });
  process.stdout.write(`${JSON.stringify(await runHeldValue(Number(values.count)))}\n`);
}
