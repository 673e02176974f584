/**
 * Child-process entry of the ecosystem check: lints one package and writes its PackageRun as JSON.
 *   jiti scripts/ecosystem/child.ts --package <name> --out <file> --root <repo> --manifest <file>
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

import { lintPackage } from './lint-package.js';

const { values } = parseArgs({ options: { package: { type: 'string' }, out: { type: 'string' }, root: { type: 'string' }, manifest: { type: 'string' } } });
if (values.package === undefined || values.out === undefined || values.root === undefined || values.manifest === undefined) {
  throw new Error('child.ts needs --package, --out, --root and --manifest');
}
const run = await lintPackage({ repoRoot: values.root, manifestPath: values.manifest, name: values.package });
writeFileSync(values.out, JSON.stringify(run));
