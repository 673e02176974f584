import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

interface PackageJson {
  name: string;
  version: string;
}

/**
 * Reads this package's own package.json. The module runs both from src/ (tests) and from
 * dist/src/ (published), so the file is found by walking up rather than by a fixed path.
 */
function readOwnPackageJson(): PackageJson {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    try {
      const parsed = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as PackageJson;
      if (parsed.name === 'eslint-plugin-lifetime') return parsed;
    } catch {
      // no package.json here: keep walking up
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('eslint-plugin-lifetime: cannot find its own package.json');
    dir = parent;
  }
}

export const packageJson: PackageJson = readOwnPackageJson();
