// Types for bench/generate.mjs (used by the smoke test in tests/bench/).
export declare const CLASSES_PER_MODULE: number;
export declare function moduleSource(m: number, modules: number): string;
export interface GeneratedProject {
  outDir: string;
  tsconfig: string;
  modules: number;
  classes: number;
  files: string[];
}
export declare function generateProject(options: { classes: number; outDir: string }): GeneratedProject;
