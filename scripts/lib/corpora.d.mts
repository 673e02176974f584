// Types for scripts/lib/corpora.mjs, for the TypeScript scripts that use it.
export declare const CORPORA: Readonly<Record<string, string>>;
export declare function corpusInstall(
  names: readonly string[],
  options?: { log?: (line: string) => void },
): { root: string; modules: string; dir: (name: string) => string };
export declare function corpusTsconfig(install: { root: string }, tsconfig: string): string;
export declare function rxjsProject(install: { root: string; modules: string }): {
  root: string;
  tsconfig: string;
  pattern: string;
  sources: string;
};
