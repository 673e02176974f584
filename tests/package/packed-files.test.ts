// What a user gets from the registry, read from `npm pack --dry-run --json`: every relative link
// in a shipped markdown file resolves to a shipped file (links to the rest of the repository
// are absolute), source maps come with their sources or not at all, and the legal and release
// files are in.
import { readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';

import { describe, expect, it } from 'vitest';

import { packedFiles, repoRoot } from '../package-files.js';

const files = packedFiles();
const shipped = new Set(files);
/** A link to a folder resolves when some shipped file is inside it. */
const resolves = (path: string): boolean => shipped.has(path) || files.some((file) => file.startsWith(`${path.replace(/\/$/, '')}/`));

/** `[text](target)` and `![alt](target)` links, and `<img src="…">`, outside code blocks. */
function relativeLinks(markdown: string): string[] {
  const prose = markdown.replace(/^```[\s\S]*?^```$/gm, '');
  const targets = [
    ...[...prose.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((match) => match[1] ?? ''),
    ...[...prose.matchAll(/<img [^>]*src="([^"]+)"/g)].map((match) => match[1] ?? ''),
  ];
  return targets.filter((target) => !/^[a-z][a-z+.-]*:/i.test(target) && !target.startsWith('#'));
}

describe('the packed package', () => {
  it('ships the entry points, the docs, the README, the LICENSE and the CHANGELOG', () => {
    for (const file of ['dist/src/index.js', 'dist/src/index.d.ts', 'README.md', 'LICENSE', 'CHANGELOG.md']) {
      expect(shipped.has(file), file).toBe(true);
    }
    expect(files.some((file) => file.startsWith('docs/rules/'))).toBe(true);
  });

  it('every relative link of every shipped markdown file points at a shipped file', () => {
    const broken = files
      .filter((file) => file.endsWith('.md'))
      .flatMap((file) =>
        relativeLinks(readFileSync(join(repoRoot, file), 'utf8'))
          .map((target) => [target, normalize(join(dirname(file), decodeURI(target.split('#')[0] ?? '')))] as const)
          .filter(([, path]) => !resolves(path))
          .map(([target]) => `${file}: ${target}`),
      );
    expect(broken).toEqual([]);
  });

  it('ships source maps only together with the sources they name', () => {
    const problems: string[] = [];
    for (const file of files.filter((name) => /\.[cm]?js$/.test(name))) {
      const mapUrl = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(readFileSync(join(repoRoot, file), 'utf8'))?.[1];
      if (mapUrl !== undefined && !mapUrl.startsWith('data:') && !shipped.has(normalize(join(dirname(file), mapUrl)))) {
        problems.push(`${file}: names ${mapUrl}, which is not shipped`);
      }
    }
    for (const map of files.filter((name) => name.endsWith('.map'))) {
      const { sources = [], sourceRoot = '' } = JSON.parse(readFileSync(join(repoRoot, map), 'utf8')) as { sources?: string[]; sourceRoot?: string };
      for (const source of sources) {
        const path = normalize(join(dirname(map), sourceRoot, source));
        if (!shipped.has(path)) problems.push(`${map}: source ${source} is not shipped`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('the license is the one package.json names', () => {
    const { license } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { license: string };
    expect(license).toBe('MIT');
    expect(readFileSync(join(repoRoot, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n/);
  });
});
