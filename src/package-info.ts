import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

interface PackageJson {
  name: string;
  version: string;
}

/**
 * The nearest package.json at or above `directory` (parsed) that `accept` takes, with the
 * folder that holds it; undefined at the file system's root. Files that do not parse are
 * passed over.
 */
export function findPackageJson<T>(directory: string, accept: (parsed: T) => boolean = () => true): T | undefined {
  for (let dir = directory; ; dir = dirname(dir)) {
    try {
      const parsed = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as T;
      if (accept(parsed)) return parsed;
    } catch {
      // no package.json here, or not JSON: keep walking up
    }
    if (dirname(dir) === dir) return undefined;
  }
}

/**
 * Reads this package's own package.json. The module runs both from src/ (tests) and from
 * dist/src/ (published), so the file is found by walking up rather than by a fixed path.
 */
function readOwnPackageJson(): PackageJson {
  const found = findPackageJson<PackageJson>(dirname(fileURLToPath(import.meta.url)), (parsed) => parsed.name === 'eslint-plugin-lifetime');
  if (found === undefined) throw new Error('eslint-plugin-lifetime: cannot find its own package.json');
  return found;
}

export const packageJson: PackageJson = readOwnPackageJson();
