#!/usr/bin/env node
// The main job for a new user: build the plugin, lint the example project with it, and show
// the diff the weak-parent codemod would make to the examples (nothing is written to them).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const examples = join(root, 'examples');

function run(title, command, args, options = {}) {
  console.log(`\n=== ${title}\n$ ${[command, ...args].join(' ')}\n`);
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

if (run('Build the plugin', 'npm', ['run', '--silent', 'build'], { cwd: root }) !== 0) {
  console.error('demo: the build failed');
  process.exit(1);
}

// ESLint exits 1 when it finds problems (expected for the `bad` files) and 2 when it fails.
const lintStatus = run(
  'Lint examples/ with lifetime.configs.recommended',
  process.execPath,
  [join(root, 'node_modules/eslint/bin/eslint.js'), 'src'],
  { cwd: examples },
);
if (lintStatus > 1) {
  console.error('demo: ESLint failed to run');
  process.exit(lintStatus);
}

// The codemod runs on a temporary copy (b/); the diff against an untouched copy (a/) is what it
// would change. Both copies sit under the same names so the diff reads like `git diff`.
const scratch = mkdtempSync(join(tmpdir(), 'lifetime-demo-'));
try {
  for (const side of ['a', 'b']) {
    cpSync(join(examples, 'src'), join(scratch, side, 'examples/src'), { recursive: true });
  }
  const codemodStatus = run(
    'Run the weak-parent codemod on a copy of examples/src',
    process.execPath,
    [join(root, 'dist/cli/index.js'), 'weak-parent', 'src'],
    { cwd: join(scratch, 'b/examples') },
  );
  if (codemodStatus !== 0) {
    console.error('demo: the codemod failed');
    process.exit(codemodStatus);
  }
  console.log('\n=== What the codemod would change in examples/src\n');
  const diff = spawnSync('git', ['diff', '--no-index', '--no-prefix', '--color=auto', 'a/examples/src', 'b/examples/src'], {
    cwd: scratch,
    encoding: 'utf8',
  });
  // git diff --no-index exits 1 when the trees differ; anything above that is a failure.
  if (diff.status === null || diff.status > 1) {
    console.error(diff.stderr);
    process.exit(1);
  }
  console.log(diff.stdout === '' ? '(no changes)' : diff.stdout);
  console.log('Nothing was written under examples/.');
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
