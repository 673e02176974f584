/** The CLI's own flags (each transform adds its options from codemods/registry.ts). */
export const COMMON_OPTIONS = {
  dry: { type: 'boolean', short: 'd' },
  print: { type: 'boolean', short: 'p' },
  diff: { type: 'boolean' },
  json: { type: 'string' },
  force: { type: 'boolean' },
  parser: { type: 'string' },
  project: { type: 'string' },
  extensions: { type: 'string' },
  'ignore-pattern': { type: 'string', multiple: true },
  cpus: { type: 'string', short: 'c' },
  'run-in-band': { type: 'boolean' },
  verbose: { type: 'boolean', short: 'v' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'V' },
} as const;
