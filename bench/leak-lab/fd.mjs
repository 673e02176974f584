#!/usr/bin/env node
// Opens a file `--count` times through an owner object and counts the descriptors still open
// (Linux: the entries of /proc/self/fd), in two forms:
//   --form finalizer  the owner closes its descriptor from a FinalizationRegistry callback
//   --form using      the owner implements Symbol.dispose and is held with `using`
//                     (fd-using.ts, compiled with the TypeScript compiler at run time)
// One owner per event-loop turn, like a server handling one request per turn.
//
//   node --expose-gc bench/leak-lab/fd.mjs --form finalizer --count 1000
//
// Prints JSON: descriptors open (above the starting count) right after the loop, when every
// owner has been dropped, and again after forced full GCs.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

import { collectAndSettle } from './gc-util.mjs';

const PROC_FD = '/proc/self/fd';

export function countOpenDescriptors() {
  try {
    return readdirSync(PROC_FD).length;
  } catch {
    return null; // not Linux
  }
}

/** Compiles fd-using.ts with TypeScript's transpileModule and imports the result. */
export async function loadUsingForm() {
  const { default: ts } = await import('typescript');
  const sourcePath = fileURLToPath(new URL('fd-using.ts', import.meta.url));
  const { outputText } = ts.transpileModule(readFileSync(sourcePath, 'utf8'), {
    fileName: 'fd-using.ts',
    compilerOptions: {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
    },
  });
  const dir = mkdtempSync(join(tmpdir(), 'leak-lab-'));
  const file = join(dir, 'fd-using.mjs');
  writeFileSync(file, outputText);
  try {
    const module = await import(pathToFileURL(file).href);
    return {
      useOnce: module.useOnce,
      compiledBy: `TypeScript ${ts.version} transpileModule, target ES2022`,
      usingLowered: !/\busing\s+file\b/.test(outputText) && outputText.includes('__disposeResources'),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function runDescriptors({ form, count }) {
  let useOnce;
  let compiled;
  if (form === 'using') {
    const loaded = await loadUsingForm();
    useOnce = loaded.useOnce;
    compiled = { by: loaded.compiledBy, usingLowered: loaded.usingLowered };
  } else if (form === 'finalizer') {
    useOnce = (await import('./fd-finalizer.mjs')).useOnce;
  } else {
    throw new Error(`leak-lab: unknown --form ${form}; use finalizer or using`);
  }
  const target = fileURLToPath(import.meta.url);

  await collectAndSettle(1);
  const before = countOpenDescriptors();
  if (before === null) return { form, count, supported: false };
  for (let i = 0; i < count; i++) {
    useOnce(target);
    await nextTurn();
  }
  const openAfterLoop = countOpenDescriptors() - before;
  await collectAndSettle(4);
  const openAfterGc = countOpenDescriptors() - before;
  return { form, count, supported: true, openAfterLoop, openAfterGc, compiled };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: { form: { type: 'string', default: 'finalizer' }, count: { type: 'string', default: '1000' } },
  });
  const result = await runDescriptors({ form: values.form, count: Number(values.count) });
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
