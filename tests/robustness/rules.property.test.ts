// Every rule of the plugin, with type information, on generated modules: no input may make a
// rule throw, and the generator only makes valid syntax (so no fatal parse message either).
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';

import { createTypedProject } from './helpers.js';
import { moduleSpec, renderModule } from './generators.js';
import { propertySettings } from './property-settings.js';

const project = createTypedProject(['gen.ts', 'gen-js.js', 'gen-jsx.tsx']);
afterAll(() => {
  project.dispose();
});

describe('rules on generated classes', () => {
  it.each([
    ['gen.ts', 'ts'],
    ['gen-jsx.tsx', 'ts'],
    ['gen-js.js', 'js'],
  ] as const)('never throw on %s', async (fileName, flavor) => {
    const reported = new Set<string>();
    await fc.assert(
      fc.asyncProperty(moduleSpec, async (spec) => {
        const text = renderModule(spec, flavor);
        // A throw here (a rule exception) fails the property with the module that caused it.
        const result = await project.lint(text, fileName);
        const fatal = result.messages.filter((message) => message.fatal === true);
        expect(fatal, text).toEqual([]);
        for (const message of result.messages) {
          expect(message.ruleId, text).toMatch(/^lifetime\//);
          if (message.ruleId !== null) reported.add(message.ruleId);
        }
      }),
      propertySettings(15),
    );
    // The generated code is meant to trip the rules; a run that reports nothing at all would
    // mean the rules were never really exercised (only checked once rules exist).
    if (Object.keys((await import('../../src/index.js')).rules).length > 0) expect(reported.size).toBeGreaterThan(0);
  });
});
