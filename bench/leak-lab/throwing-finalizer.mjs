#!/usr/bin/env node
// A FinalizationRegistry cleanup callback that throws, in its own process.
//
//   node --expose-gc bench/leak-lab/throwing-finalizer.mjs --form throw        # exit code 1
//   node --expose-gc bench/leak-lab/throwing-finalizer.mjs --form async-reject # exit code 1
//   node --expose-gc bench/leak-lab/throwing-finalizer.mjs --form try-catch    # exit code 0
//
// The callback reads a property of a value that has already gone away (the common way such a
// callback throws). Node reports the exception as uncaught and ends the process; with the
// body in try/catch the process carries on and prints one JSON line saying that the callback
// ran and what it caught.
import { parseArgs } from 'node:util';

import { collectAndSettle } from './gc-util.mjs';

const { values } = parseArgs({ options: { form: { type: 'string', default: 'throw' } } });
const form = values.form;

const connections = new Map(); // id -> connection; emptied before the finalizer runs
let callbackRuns = 0;
let caught = null;
const forms = {
  throw: (id) => {
    callbackRuns++;
    connections.get(id).close();
  },
  'async-reject': async (id) => {
    callbackRuns++;
    await Promise.resolve();
    connections.get(id).close();
  },
  'try-catch': (id) => {
    callbackRuns++;
    try {
      connections.get(id).close();
    } catch (error) {
      // A finalizer has no caller to report to; swallow (or log) and move on.
      caught = `${error?.name}: ${error?.message}`;
    }
  },
};
if (!(form in forms)) {
  console.error(`unknown --form ${form}; use ${Object.keys(forms).join(', ')}`);
  process.exit(2);
}

const registry = new FinalizationRegistry(forms[form]);
(() => {
  registry.register({ name: 'session' }, 'session-1');
})();
connections.clear();

await collectAndSettle();
// Reached only when the cleanup callback did not take the process down.
console.log(JSON.stringify({ form, survived: true, callbackRuns, caught }));
