// The fixture projects under __testfixtures__/weak-parent/projects/ with the real tools: each
// project's tsconfig compiles input and output (tsc), and its formatter accepts both (Prettier,
// Biome). weak-parent.test.ts checks the outputs themselves; this checks that projects accept them.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterAll, describe, expect, it } from 'vitest';

import { runWeakParent } from './run-weak-parent.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const projectsDir = join(repoRoot, 'tests/codemods/__testfixtures__/weak-parent/projects');
const bin = (name: string): string => join(repoRoot, 'node_modules/.bin', name);
const scratch = mkdtempSync(join(tmpdir(), 'weak-parent-projects-'));

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

function run(command: string, args: string[], cwd: string): { status: number | null; output: string } {
  const child = spawnSync(command, args, { cwd, encoding: 'utf8', timeout: 120_000 });
  return { status: child.status, output: `${child.stdout}${child.stderr}` };
}

function filesOf(project: string, kind: 'input' | 'output'): string[] {
  return readdirSync(join(projectsDir, project)).filter((name) => name.includes(`.${kind}.`));
}

const projects = readdirSync(projectsDir).sort();

describe('weak-parent fixture projects', () => {
  it('cover Prettier, Biome, .editorconfig, the target settings and type-checked JavaScript', () => {
    expect(projects).toEqual(
      expect.arrayContaining(['check-js', 'check-js-loose', 'no-strict-null-checks', 'biome', 'editorconfig-wide', 'es5-target', 'extends-es5', 'no-weakref-lib', 'node-14', 'old-node', 'prettier-no-semi', 'prettier-package-json', 'tslib-old', 'experimental-decorators']),
    );
  });

  for (const project of projects.filter((name) => existsSync(join(projectsDir, name, 'tsconfig.json')))) {
    it(`${project}: tsc compiles input and output`, () => {
      const result = run(process.execPath, [join(repoRoot, 'node_modules/typescript/bin/tsc'), '-p', join(projectsDir, project)], repoRoot);
      expect(result.output).toBe('');
      expect(result.status).toBe(0);
    });
  }

  for (const project of projects.filter((name) => name.startsWith('prettier-'))) {
    it(`${project}: prettier --check accepts input and output`, () => {
      const files = [...filesOf(project, 'input'), ...filesOf(project, 'output')];
      const result = run(bin('prettier'), ['--check', ...files], join(projectsDir, project));
      expect(result.output).toContain('All matched files use Prettier code style!');
      expect(result.status).toBe(0);
    });
  }

  it('biome: biome format accepts input and output', () => {
    const files = [...filesOf('biome', 'input'), ...filesOf('biome', 'output')];
    const result = run(bin('biome'), ['format', ...files], join(projectsDir, 'biome'));
    expect(result.output).not.toContain('would have printed');
    expect(result.status).toBe(0);
  });

  // The control for no-strict-null-checks: without strictNullChecks `ref == null` does not narrow
  // the store's type, so the getter and setter without their casts do not compile (TS2322).
  it('no-strict-null-checks: the output without its casts would not compile (TS2322)', () => {
    const copy = join(scratch, 'no-strict-null-checks');
    cpSync(join(projectsDir, 'no-strict-null-checks'), copy, { recursive: true });
    const output = readFileSync(join(copy, 'tree.output.ts'), 'utf8');
    const uncast = output.replace(/\(?(\w+) as (?:null|undefined)\)?/g, '$1');
    expect(uncast).not.toBe(output);
    writeFileSync(join(copy, 'tree.output.ts'), uncast);
    const result = run(process.execPath, [join(repoRoot, 'node_modules/typescript/bin/tsc'), '-p', copy], repoRoot);
    expect(result.output).toContain('TS2322');
  });

  // The storage for targets without #private, in JavaScript that TypeScript checks: the store
  // `_parentRef` is declared by the setter's assignment where the field had none of its own.
  for (const project of ['check-js', 'check-js-loose']) {
    it(`${project}: the inputs rewritten with storage=underscore compile too`, () => {
      const copy = join(scratch, `${project}-underscore`);
      cpSync(join(projectsDir, project), copy, { recursive: true });
      let changed = 0;
      for (const name of filesOf(project, 'input')) {
        const path = join(copy, name);
        const { output } = runWeakParent(path, readFileSync(path, 'utf8'), { storage: 'underscore' });
        if (output === undefined) continue;
        expect(output).toContain('_parentRef');
        writeFileSync(path, output);
        changed += 1;
      }
      expect(changed).toBeGreaterThan(0);
      const result = run(process.execPath, [join(repoRoot, 'node_modules/typescript/bin/tsc'), '-p', copy], repoRoot);
      expect(result.output).toBe('');
      expect(result.status).toBe(0);
    });
  }

  // The control for experimental-decorators: the sharing helper in the decorated class is what
  // TypeScript rejects there, so the per-child WeakRef of that class is needed.
  it('experimental-decorators: the helper in the decorated class would not compile (TS18036)', () => {
    const copy = join(scratch, 'experimental-decorators');
    cpSync(join(projectsDir, 'experimental-decorators'), copy, { recursive: true });
    const output = readFileSync(join(copy, 'container.output.ts'), 'utf8');
    const helper = /\n(  #selfRef[\s\S]*?\n  \}\n)/.exec(output)?.[1];
    expect(helper).toBeDefined();
    const store = '  #parent: WeakRef<Container> | null = null;\n}\n';
    expect(output.indexOf(store)).toBeGreaterThan(0);
    const broken = output.replace(store, `  #parent: WeakRef<Container> | null = null;\n${helper ?? ''}}\n`).replace('new WeakRef(value)', 'Service.#weakRefTo(value)');
    writeFileSync(join(copy, 'container.output.ts'), broken);
    const result = run(process.execPath, [join(repoRoot, 'node_modules/typescript/bin/tsc'), '-p', copy], repoRoot);
    expect(result.output).toContain('TS18036');
  });

  // The control: the one-line throw that v1 of the codemod wrote (whatever the width) is what
  // failed these projects' format checks; the same tools reject it here, so the checks above bite.
  it('the formatters reject the output with the throw on one over-wide line', () => {
    for (const [project, file, tool, args] of [
      ['prettier-no-semi', 'outline.output.ts', bin('prettier'), ['--check']],
      ['biome', 'container.output.ts', bin('biome'), ['format']],
    ] as const) {
      const copy = join(scratch, project);
      cpSync(join(projectsDir, project), copy, { recursive: true });
      const accepted = readFileSync(join(copy, file), 'utf8');
      const oneLine = accepted.replace(/throw new ReferenceError\(\s*("[^"]*"),\s*\)/, 'throw new ReferenceError($1)');
      expect(oneLine).not.toBe(accepted);
      writeFileSync(join(copy, 'one-line.ts'), oneLine);
      expect(run(tool, [...args, 'one-line.ts'], copy).status, `${project} with ${tool}`).not.toBe(0);
    }
  });

  it('editorconfig-wide: keeps the throw on one line within max_line_length = 140', () => {
    const output = readFileSync(join(projectsDir, 'editorconfig-wide/region.output.ts'), 'utf8');
    expect(output).toMatch(/^ {12}throw new ReferenceError\('Region\.parent is no longer available: .*'\);$/m);
    expect(Math.max(...output.split('\n').map((line) => line.length))).toBeLessThanOrEqual(140);
  });

  it('the target settings choose the storage and say why', () => {
    const note = (project: string, file: string): string[] => {
      const path = join(projectsDir, project, file);
      return runWeakParent(path, readFileSync(path, 'utf8')).reports.filter((report) => report.includes(': note: '));
    };
    expect(note('es5-target', 'widget.input.ts').join('\n')).toContain('underscore storage: compilerOptions.target es5');
    // The target set in a base file that tsconfig.json extends (a JSONC file with comments).
    expect(note('extends-es5', 'panel.input.ts').join('\n')).toMatch(/underscore storage: compilerOptions\.target es5 \(.*config\/base\.json\)/);
    expect(note('tslib-old', 'widget.input.ts').join('\n')).toContain('importHelpers with tslib ^2.1.0');
    expect(readFileSync(join(projectsDir, 'es5-target/widget.output.ts'), 'utf8')).toContain('private _parentRef: WeakRef<Widget> | null = null;');
    // Node 14.18 has WeakRef and static #private methods: rewritten, with the shared WeakRef.
    expect(note('node-14', 'menu.input.js')).toEqual([]);
    expect(readFileSync(join(projectsDir, 'node-14/menu.output.js'), 'utf8')).toContain('MenuItem.#weakRefTo(value)');
    // No WeakRef at all: the file stays as it was.
    for (const [project, file] of [['no-weakref-lib', 'widget'], ['old-node', 'menu']] as const) {
      const extension = project === 'old-node' ? 'js' : 'ts';
      expect(readFileSync(join(projectsDir, project, `${file}.output.${extension}`), 'utf8')).toBe(
        readFileSync(join(projectsDir, project, `${file}.input.${extension}`), 'utf8'),
      );
    }
  });

  // tsc on the output without the codemod's choice: the settings that made it choose are real.
  it('es5-target and no-weakref-lib: the default #private WeakRef output would not compile there', () => {
    for (const [project, code] of [['es5-target', 'TS18028'], ['no-weakref-lib', 'TS2304']] as const) {
      const copy = join(scratch, `${project}-forced`);
      cpSync(join(projectsDir, project), copy, { recursive: true });
      const source = readFileSync(join(copy, 'widget.input.ts'), 'utf8');
      writeFileSync(join(copy, 'widget.output.ts'), runWeakParent(join(copy, 'widget.input.ts'), source, { project: false }).output ?? '');
      const result = run(process.execPath, [join(repoRoot, 'node_modules/typescript/bin/tsc'), '-p', copy], repoRoot);
      expect(result.status).not.toBe(0);
      expect(result.output).toContain(code);
    }
  });
});
