// Runs `lifetime/no-strong-parent-reference` over published packages (installed on first use
// into the cache outside the repository, scripts/lib/corpora.mjs) and prints what it
// reports: rxjs's TypeScript sources, postcss's declarations and @types/three's declarations (the
// last two with `checkDeclarationFiles: true`). With `--time` it also lints rxjs/src with
// typescript-eslint's recommendedTypeChecked plus this rule and prints the rule's share of the
// time ESLint's `stats` measured.
//
//   node scripts/real-code/no-strong-parent-reference.mjs [--time] [--verbose] [--ignore=A,B]
//
// The tsconfigs are written to a temporary directory at run time.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

import { createJiti } from 'jiti';
import tseslint from 'typescript-eslint';

import { corpusInstall, rxjsProject } from '../lib/corpora.mjs';
import { eslintFor } from './eslint-for.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const install = corpusInstall(['rxjs', 'postcss', '@types/three']);
const modules = install.modules;
const jiti = createJiti(import.meta.url);
const { default: rule } = await jiti.import(join(root, 'rules/no-strong-parent-reference.ts'));
const verbose = process.argv.includes('--verbose');
const time = process.argv.includes('--time');
// --ignore=A,B passes the rule's `ignore` option to every target.
const ignoreArgument = process.argv.find((argument) => argument.startsWith('--ignore='));
const ignore = ignoreArgument === undefined ? [] : ignoreArgument.slice('--ignore='.length).split(',');
const RULE = 'lifetime/no-strong-parent-reference';

const work = mkdtempSync(join(tmpdir(), 'nspr-real-code-'));

function writeTsconfig(name, compilerOptions, include) {
  const file = join(work, `${name}.tsconfig.json`);
  writeFileSync(file, JSON.stringify({ compilerOptions, include }, null, 2));
  return file;
}

const rxjsSrc = join(modules, 'rxjs/src');
const targets = [
  {
    name: 'rxjs/src',
    // The same project as the lint benchmark's, so the figures compare.
    tsconfig: rxjsProject(install).tsconfig,
    patterns: [join(rxjsSrc, '**/*.ts')],
    options: {},
  },
  {
    name: 'postcss/lib/*.d.ts',
    tsconfig: writeTsconfig(
      'postcss',
      { target: 'es2022', module: 'nodenext', lib: ['es2022'], types: [], strict: true, noEmit: true },
      [join(modules, 'postcss/lib/*.d.ts')],
    ),
    patterns: [join(modules, 'postcss/lib/*.d.ts')],
    options: { checkDeclarationFiles: true },
  },
  {
    name: '@types/three',
    tsconfig: writeTsconfig(
      'three',
      {
        target: 'es2022',
        module: 'nodenext',
        lib: ['es2022', 'dom'],
        types: [],
        strict: true,
        noEmit: true,
        skipLibCheck: true,
      },
      [join(modules, '@types/three/**/*.d.ts')],
    ),
    patterns: [join(modules, '@types/three/**/*.d.ts')],
    options: { checkDeclarationFiles: true },
  },
];

function lintTarget(target, extraConfigs = []) {
  return eslintFor({
    cwd: install.root,
    tsconfig: target.tsconfig,
    tsconfigRootDir: work,
    plugin: { rules: { 'no-strong-parent-reference': rule } },
    rules: { [RULE]: ['error', { ...target.options, ...(ignore.length > 0 ? { ignore } : {}) }] },
    extraConfigs,
    stats: time,
  });
}

try {
  for (const target of time ? targets.slice(0, 1) : targets) {
    const started = performance.now();
    const results = await lintTarget(target).lintFiles(target.patterns);
    const elapsed = performance.now() - started;
    const reports = [];
    let fatal = 0;
    for (const result of results) {
      for (const message of result.messages) {
        if (message.ruleId === RULE) reports.push({ file: relative(modules, result.filePath), message });
        else if (message.fatal) fatal += 1;
      }
    }
    console.log(`${target.name}: ${results.length} files, ${reports.length} reports, ${fatal} parse errors, ${(elapsed / 1000).toFixed(1)} s`);
    for (const { file, message } of reports) {
      const text = verbose ? message.message : message.message.split(':')[0];
      console.log(`  ${file}:${message.line}:${message.column} ${text}`);
    }
  }

  if (time) {
    const target = targets[0];
    const results = await lintTarget(target, tseslint.configs.recommendedTypeChecked).lintFiles(target.patterns);
    let total = 0;
    let ruleTime = 0;
    for (const result of results) {
      for (const pass of result.stats?.times.passes ?? []) {
        total += pass.total;
        ruleTime += pass.rules?.[RULE]?.total ?? 0;
      }
    }
    console.log(
      `timing on ${target.name} (recommendedTypeChecked + ${RULE}, ESLint stats): rule ${ruleTime.toFixed(1)} ms of ${total.toFixed(1)} ms total = ${((100 * ruleTime) / total).toFixed(2)}%`,
    );
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
