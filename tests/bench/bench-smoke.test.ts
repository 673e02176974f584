// The scaling benchmark is only meaningful if the generated projects are valid TypeScript of the
// promised size: generate tiny ones and type-check them. (The benchmark itself is not a test.)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';

import { CLASSES_PER_MODULE, generateProject } from '../../bench/generate.mjs';

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'lifetime-bench-smoke-'));
afterAll(() => {
  fs.rmSync(scratch, { recursive: true, force: true });
});

function diagnosticsOf(tsconfigPath: string): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(tsconfigPath, {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    },
  });
  if (config === undefined) throw new Error(`could not read ${tsconfigPath}`);
  const program = ts.createProgram({ rootNames: config.fileNames, options: config.options });
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('bench/generate.mjs', () => {
  it.each([
    [10, 1],
    [25, 3],
  ])('writes %i classes (rounded up to whole modules) that type-check', (classes, modules) => {
    const outDir = path.join(scratch, `classes-${String(classes)}`);
    const made = generateProject({ classes, outDir });

    expect(made.modules).toBe(modules);
    expect(made.classes).toBe(modules * CLASSES_PER_MODULE);
    expect(made.files).toHaveLength(modules);
    const declared = made.files
      .map((file) => fs.readFileSync(file, 'utf8').match(/^export class /gm)?.length ?? 0)
      .reduce((a, b) => a + b, 0);
    expect(declared).toBe(made.classes);
    expect(diagnosticsOf(made.tsconfig)).toEqual([]);
  });

  it('rejects a size that is not a positive integer', () => {
    expect(() => generateProject({ classes: 0, outDir: path.join(scratch, 'none') })).toThrow(RangeError);
  });
});
