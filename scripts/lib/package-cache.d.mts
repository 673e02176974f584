// Types for scripts/lib/package-cache.mjs, for the TypeScript scripts that use it.
export declare function cacheRoot(): string;
export declare function packageDir(name: string, version: string): string;
export declare function fetchPackage(name: string, version: string, options?: { log?: (line: string) => void }): string;
export declare function installPackages(specs: readonly string[], options?: { log?: (line: string) => void }): string;
export declare function installInto(
  folder: string,
  dependencies: Record<string, string>,
  options?: { log?: (line: string) => void; description?: string; omitPeer?: boolean },
): boolean;
