import jscodeshift, { type API } from 'jscodeshift';

import transform from '../../codemods/weak-parent.js';

export interface TransformRun {
  /** The transform's return value: undefined when it changed nothing. */
  output: string | undefined;
  reports: string[];
}

/** Runs the transform the way jscodeshift's worker does, collecting `api.report` calls. */
export function runWeakParent(path: string, source: string, options: Record<string, unknown> = {}): TransformRun {
  const reports: string[] = [];
  const api: API = {
    j: jscodeshift,
    jscodeshift,
    stats: () => undefined,
    report: (message: string) => {
      reports.push(message);
    },
  };
  const output = transform({ path, source }, api, options);
  return { output, reports };
}
