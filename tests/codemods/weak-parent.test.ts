import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';

import { runWeakParent } from './run-weak-parent.js';

const fixtureDir = fileURLToPath(new URL('__testfixtures__/weak-parent/', import.meta.url));

interface FixtureCase {
  name: string;
  extension: string;
  inputPath: string;
  outputPath: string;
  options: Record<string, unknown>;
  /** Expected "left alone" reports, as `line: text the message contains`. */
  reports: string[];
  /** Expected notices about rewritten classes (`line: text`), checked when the file exists. */
  notices: string[] | undefined;
}

function discoverCases(): FixtureCase[] {
  // Fixtures under projects/<name>/ sit beside that project's tsconfig, package.json and
  // formatter settings, which the transform reads (weak-parent-projects.test.ts runs the tools).
  return readdirSync(fixtureDir, { recursive: true })
    .map((file) => /^(?<name>.+)\.input\.(?<extension>[a-z]+)$/.exec(String(file).split(sep).join('/'))?.groups)
    .filter((groups) => groups !== undefined)
    .map(({ name = '', extension = '' }) => {
      const optionsPath = join(fixtureDir, `${name}.options.json`);
      const reportsPath = join(fixtureDir, `${name}.reports.json`);
      const noticesPath = join(fixtureDir, `${name}.notices.json`);
      return {
        name,
        extension,
        inputPath: join(fixtureDir, `${name}.input.${extension}`),
        outputPath: join(fixtureDir, `${name}.output.${extension}`),
        options: existsSync(optionsPath) ? (JSON.parse(readFileSync(optionsPath, 'utf8')) as Record<string, unknown>) : {},
        reports: existsSync(reportsPath) ? (JSON.parse(readFileSync(reportsPath, 'utf8')) as string[]) : [],
        notices: existsSync(noticesPath) ? (JSON.parse(readFileSync(noticesPath, 'utf8')) as string[]) : undefined,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

const cases = discoverCases();
const typescriptExtensions = new Set(['ts', 'tsx', 'mts', 'cts']);

describe('weak-parent fixtures', () => {
  it('has at least 30 cases across .ts, .tsx, .js and .mjs, each with an output file', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
    const extensions = new Set(cases.map((c) => c.extension));
    for (const extension of ['ts', 'tsx', 'js', 'mjs']) expect(extensions).toContain(extension);
    for (const c of cases) expect(existsSync(c.outputPath), c.outputPath).toBe(true);
  });

  for (const c of cases) describe(`${c.name}.${c.extension}`, () => {
    const input = readFileSync(c.inputPath, 'utf8');
    const expected = readFileSync(c.outputPath, 'utf8');

    it('produces the expected output and reports', () => {
      const { output, reports } = runWeakParent(c.inputPath, input, c.options);
      if (expected === input) expect(output).toBeUndefined();
      else expect(output).toBe(expected);
      const all = reports.map((report) => report.slice(c.inputPath.length + 1));
      const expectLines = (found: string[], wanted: string[]): void => {
        expect(found).toHaveLength(wanted.length);
        wanted.forEach((want, index) => {
          const [line = '', ...rest] = want.split(': ');
          expect(found[index]).toMatch(new RegExp(`^${line}: `));
          expect(found[index]).toContain(rest.join(': '));
        });
      };
      expectLines(
        all.filter((report) => report.includes(' left alone: ')),
        c.reports,
      );
      // Every rewritten file says what the rewrite means for the callers of each changed class.
      const notices = all.filter((report) => report.includes(' rewritten; '));
      if (expected !== input) expect(notices.length).toBeGreaterThan(0);
      if (c.notices) expectLines(notices, c.notices);
    });

    it('is idempotent: transforming the output changes nothing', () => {
      expect(runWeakParent(c.outputPath, expected, c.options).output).toBeUndefined();
    });
  });
});

/** The text without the sharing helper (slot or WeakMap form) that ends a rewritten class. */
function withoutSharingHelper(text: string): string {
  // With JSDoc types, a one-line comment above the slot or map and a doc block above the method.
  return text.replace(
    /^([ \t]*)(?:\/\*\*[^\n]*\*\/\r?\n\1)?(?:#selfRef|static #weakRefs)\b[^\n]*\n(?:\1(?:\/\*\*| \*)[^\n]*\n)*\1static #weakRefTo\b[\s\S]*?\n\1\}\r?\n/gm,
    '',
  );
}

// `--parser` overrides the per-extension choice; ESTree parsers (flow) give ranges, not offsets.
// Flow's parser cannot read `#slot in object`, so there the helper takes its WeakMap form.
describe('weak-parent with other parsers for JS', () => {
  for (const c of cases.filter((jsCase) => ['js', 'mjs', 'cjs'].includes(jsCase.extension))) {
    for (const parser of ['flow', 'babylon']) {
      it(`${c.name}.${c.extension} with --parser=${parser}`, () => {
        const input = readFileSync(c.inputPath, 'utf8');
        const expected = readFileSync(c.outputPath, 'utf8');
        const { output } = runWeakParent(c.inputPath, input, { ...c.options, parser });
        if (parser === 'babylon' || !expected.includes('#selfRef')) {
          expect(output ?? input).toBe(expected);
          return;
        }
        expect(output).not.toContain('#selfRef');
        expect(output).toContain('static #weakRefs = new WeakMap()');
        expect(withoutSharingHelper(output ?? input)).toBe(withoutSharingHelper(expected));
        expect(withoutSharingHelper(expected)).not.toContain('#weakRefTo(target)');
      });
    }
  }
});

// A subclass that only assigns `this.parent` must use its base class's accessor: an accessor of
// its own would be called by the base constructor before the subclass's private store exists
// (TypeError: Cannot write private member). The fixture constructs its classes when run.
describe('weak-parent JS output with inherited assignments runs', () => {
  for (const name of ['inherited-assignment.input.mjs', 'inherited-assignment.output.mjs']) {
    it(name, () => {
      const child = spawnSync(process.execPath, [join(fixtureDir, name)], { encoding: 'utf8', timeout: 30_000 });
      expect(child.stderr).toBe('');
      expect(child.status).toBe(0);
    });
  }
});

describe('weak-parent TypeScript outputs type-check', () => {
  // Project fixtures compile with their own tsconfig, in weak-parent-projects.test.ts.
  const typescriptCases = cases.filter((c) => typescriptExtensions.has(c.extension) && !c.name.startsWith('projects/'));
  const diagnostics = new Map<string, string[]>();

  beforeAll(() => {
    const options: ts.CompilerOptions = {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      lib: ['lib.es2022.d.ts', 'lib.es2021.weakref.d.ts'],
      types: [],
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      moduleDetection: ts.ModuleDetectionKind.Force,
      jsx: ts.JsxEmit.Preserve,
      skipLibCheck: true,
    };
    const files = typescriptCases.flatMap((c) => [c.inputPath, c.outputPath]);
    const program = ts.createProgram(files, options);
    for (const file of files) {
      const sourceFile = program.getSourceFile(file);
      const found = sourceFile
        ? [...program.getSyntacticDiagnostics(sourceFile), ...program.getSemanticDiagnostics(sourceFile)]
        : [];
      diagnostics.set(
        file,
        found.map((d) => {
          const line = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0;
          return `${String(line)}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
        }),
      );
    }
  });

  for (const c of typescriptCases) {
    it(`${c.name}.${c.extension}: input and output compile under strict`, () => {
      expect(diagnostics.get(c.inputPath)).toEqual([]);
      expect(diagnostics.get(c.outputPath)).toEqual([]);
    });
  }
});
