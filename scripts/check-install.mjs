#!/usr/bin/env node
// The README's Install section as a new user follows it: the package packed into a tarball,
// fresh projects, the README's own install commands and config files (read from README.md, not
// copied here), then `npx eslint` and the editor's path (loadESLint + lintText) in each:
//   - ESLint 10 (the command as written), with eslint.config.mjs, then eslint.config.ts + jiti;
//   - ESLint 9 (the command with `eslint@9`);
//   - a project that already has TypeScript 7, with the README's TypeScript 7 command.
// Needs the npm registry (CI has it); not part of `npm test`.
//   node scripts/check-install.mjs [--keep]
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const keep = process.argv.includes('--keep');
const readme = readFileSync(join(root, 'README.md'), 'utf8');

/** The code blocks of one README section (from its heading to the next heading of any level). */
function blocksOf(heading) {
  const start = readme.indexOf(`\n${heading}\n`);
  if (start === -1) throw new Error(`README.md has no section "${heading}"`);
  const end = readme.slice(start + heading.length + 2).search(/\n#{2,3} /);
  const section = readme.slice(start, end === -1 ? undefined : start + heading.length + 2 + end);
  return [...section.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map((match) => ({ language: match[1], code: match[2] }));
}
const block = (heading, test) => {
  const found = blocksOf(heading).find(test);
  if (found === undefined) throw new Error(`README.md, "${heading}": no matching code block`);
  return found.code;
};

const installCommand = block('## Install', (b) => b.language === 'sh').trim();
const mjsConfig = block('## Install', (b) => b.code.startsWith('// eslint.config.mjs'));
const tsConfig = block('### `eslint.config.ts`', (b) => b.code.startsWith('// eslint.config.ts'));
const ts7Command = block('### TypeScript 7', (b) => b.language === 'sh').trim();

const work = mkdtempSync(join(tmpdir(), 'lifetime-check-install-'));
let failed = 0;

function run(command, cwd) {
  const result = spawnSync('sh', ['-c', command], { cwd, encoding: 'utf8', env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false' } });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

function check(label, ok, detail = '') {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${label}`);
  if (!ok) {
    failed += 1;
    if (detail !== '') console.log(detail.trim().split('\n').slice(-15).map((line) => `       ${line}`).join('\n'));
  }
}

function project(name) {
  const dir = join(work, name);
  mkdirSync(join(dir, 'src'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name, private: true, type: 'module' }, null, 2)}\n`);
  writeFileSync(
    join(dir, 'tsconfig.json'),
    `${JSON.stringify({ compilerOptions: { target: 'es2022', module: 'nodenext', strict: true, noEmit: true, lib: ['es2022', 'esnext.disposable'] }, include: ['src'] }, null, 2)}\n`,
  );
  writeFileSync(join(dir, 'src/tree.ts'), 'export class Folder {\n  parent: Folder | null = null;\n  readonly children: Folder[] = [];\n}\n');
  return dir;
}

/** `npx eslint .` must report the strong parent, and nothing must stop on the config file. */
function lints(label, dir) {
  const { status, output } = run('npx eslint . --max-warnings=0', dir);
  check(`${label}: npx eslint . reports lifetime/no-strong-parent-reference in src/tree.ts`, status === 1 && /src\/tree\.ts[\s\S]*lifetime\/no-strong-parent-reference/.test(output) && !/needs type information|Parsing error/.test(output), output);
  const editor = run(
    `node --input-type=module -e "import { loadESLint } from 'eslint'; import { readFileSync } from 'node:fs'; const ESLint = await loadESLint({ useFlatConfig: true }); const [r] = await new ESLint({ cwd: process.cwd() }).lintText(readFileSync('src/tree.ts', 'utf8'), { filePath: process.cwd() + '/src/tree.ts' }); console.log(r.messages.map((m) => m.ruleId).join(','));"`,
    dir,
  );
  check(`${label}: loadESLint() + lintText, as the editor does`, editor.status === 0 && editor.output.includes('lifetime/no-strong-parent-reference'), editor.output);
}

try {
  const pack = run(`npm pack --silent --pack-destination ${JSON.stringify(work)}`, root);
  const tarball = readdirSync(work).find((file) => file.endsWith('.tgz'));
  if (pack.status !== 0 || tarball === undefined) throw new Error(`npm pack failed:\n${pack.output}`);
  const withTarball = (command) => command.replace(/(--save-dev )eslint-plugin-lifetime\b/, `$1${join(work, tarball)}`);
  console.log(`tarball: ${tarball}\ninstall command (README): ${installCommand}\n`);

  const eslint10 = project('eslint-10');
  let result = run(withTarball(installCommand), eslint10);
  check('ESLint 10: the README install command', result.status === 0 && !/ERESOLVE|EBADENGINE/.test(result.output), result.output);
  writeFileSync(join(eslint10, 'eslint.config.mjs'), mjsConfig);
  lints('ESLint 10, eslint.config.mjs', eslint10);
  rmSync(join(eslint10, 'eslint.config.mjs'));
  writeFileSync(join(eslint10, 'eslint.config.ts'), tsConfig);
  result = run('npm install --save-dev jiti', eslint10);
  check('ESLint 10: npm install --save-dev jiti', result.status === 0, result.output);
  lints('ESLint 10, eslint.config.ts', eslint10);

  const eslint9 = project('eslint-9');
  result = run(withTarball(installCommand).replace(/ eslint /, ' eslint@9 '), eslint9);
  check('ESLint 9: the README install command with eslint@9', result.status === 0 && !/ERESOLVE|EBADENGINE/.test(result.output), result.output);
  writeFileSync(join(eslint9, 'eslint.config.mjs'), mjsConfig);
  lints('ESLint 9, eslint.config.mjs', eslint9);

  const ts7 = project('typescript-7');
  result = run('npm install --save-dev typescript@7', ts7);
  check('TypeScript 7 project: npm install --save-dev typescript@7', result.status === 0, result.output);
  result = run(withTarball(ts7Command), ts7);
  check('TypeScript 7 project: the README TypeScript 7 command', result.status === 0 && !/ERESOLVE/.test(result.output), result.output);
  writeFileSync(join(ts7, 'eslint.config.mjs'), mjsConfig);
  lints('TypeScript 7 project', ts7);
  result = run('node node_modules/typescript-7/bin/tsc -v', ts7);
  check('TypeScript 7 project: TypeScript 7 still builds, by its path', result.status === 0 && /Version 7\./.test(result.output), result.output);
} finally {
  if (keep) console.log(`\nkept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
console.log(failed === 0 ? '\ncheck-install: ok' : `\ncheck-install: ${String(failed)} failed`);
process.exit(failed === 0 ? 0 : 1);
