// fast-check settings shared by the property tests. A failing run prints its seed and path;
// replay it with ROBUSTNESS_SEED=<seed> (and more cases with ROBUSTNESS_RUNS=<n>).
import type fc from 'fast-check';

const seed = process.env.ROBUSTNESS_SEED;
const runs = process.env.ROBUSTNESS_RUNS;

export function propertySettings<T>(numRuns: number): fc.Parameters<T> {
  return {
    numRuns: runs === undefined ? numRuns : Number(runs),
    ...(seed === undefined ? {} : { seed: Number(seed) }),
  };
}
