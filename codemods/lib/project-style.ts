/**
 * The formatting a project asks for: Prettier (`.prettierrc*`, the `prettier` key of
 * package.json), Biome (`biome.json`, `biome.jsonc`) and `.editorconfig`, nearest first, as
 * those tools resolve them. JavaScript configs (`prettier.config.js`) are not run: their
 * settings cannot be read without executing project code, so only the defaults apply there.
 */
import { join, relative, sep } from 'node:path';

import {
  editorConfigGlob,
  foldersUp,
  isRepositoryRoot,
  parseEditorConfig,
  parseFlatYaml,
  parseJsonc,
  readTextFile,
} from './config-files.js';

export interface FormatterSettings {
  /** Where the settings came from, for messages: `.prettierrc`, `biome.json`, … or `default`. */
  source: string;
  printWidth: number;
  quote?: "'" | '"';
  semicolons?: boolean;
  indentUnit?: string;
  trailingCommaInCalls: boolean;
  trailingCommaInObjects: boolean;
}

const PRETTIER_FILES = [
  '.prettierrc',
  '.prettierrc.json',
  '.prettierrc.json5',
  '.prettierrc.yaml',
  '.prettierrc.yml',
  '.prettierrc.toml',
  '.prettierrc.js',
  '.prettierrc.cjs',
  '.prettierrc.mjs',
  'prettier.config.js',
  'prettier.config.cjs',
  'prettier.config.mjs',
  'prettier.config.ts',
];
const BIOME_FILES = ['biome.json', 'biome.jsonc'];

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined;
}

const cache = new Map<string, FormatterSettings>();

/** The settings that apply to `file`. */
export function formatterSettings(file: string): FormatterSettings {
  const folders = [...foldersUp(file)];
  const key = folders[0] ?? '';
  const cached = cache.get(key);
  if (cached) return cached;
  const found = findFormatter(file, folders);
  cache.set(key, found);
  return found;
}

function findFormatter(file: string, folders: readonly string[]): FormatterSettings {
  const editorConfig = editorConfigFor(file, folders);
  for (const dir of folders) {
    for (const name of PRETTIER_FILES) {
      const path = join(dir, name);
      const content = readTextFile(path);
      if (content !== undefined) return prettierSettings(name, readPrettierFile(name, content), dir, editorConfig);
    }
    const packageJson = readTextFile(join(dir, 'package.json'));
    if (packageJson !== undefined) {
      const parsed = parseJsonc(packageJson);
      if (isRecord(parsed) && isRecord(parsed.prettier)) return prettierSettings('package.json "prettier"', parsed.prettier, dir, editorConfig);
    }
    for (const name of BIOME_FILES) {
      const content = readTextFile(join(dir, name));
      if (content !== undefined) return biomeSettings(name, parseJsonc(content), editorConfig);
    }
    if (isRepositoryRoot(dir)) break;
  }
  const settings: FormatterSettings = {
    source: editorConfig.maxLineLength === undefined ? 'default' : '.editorconfig',
    printWidth: editorConfig.maxLineLength ?? 80,
    trailingCommaInCalls: true,
    trailingCommaInObjects: true,
  };
  if (editorConfig.indentUnit !== undefined) settings.indentUnit = editorConfig.indentUnit;
  return settings;
}

function readPrettierFile(name: string, content: string): Json {
  if (/\.(?:c|m)?js$|\.ts$/.test(name)) return {};
  if (name.endsWith('.toml')) return parseFlatYaml(content.replace(/=/g, ':'));
  const json = parseJsonc(content);
  if (isRecord(json)) return json;
  return parseFlatYaml(content);
}

interface EditorConfigValues {
  maxLineLength?: number;
  indentUnit?: string;
}

/** The `.editorconfig` properties for `file`, nearer files and later sections winning. */
function editorConfigFor(file: string, folders: readonly string[]): EditorConfigValues {
  const values: Record<string, string> = {};
  for (const dir of folders) {
    const content = readTextFile(join(dir, '.editorconfig'));
    if (content !== undefined) {
      const parsed = parseEditorConfig(content);
      const path = relative(dir, file).split(sep).join('/');
      const own: Record<string, string> = {};
      for (const section of parsed.sections) {
        if (editorConfigGlob(section.glob).test(path)) Object.assign(own, section.values);
      }
      for (const [key, value] of Object.entries(own)) if (!(key in values)) values[key] = value;
      if (parsed.root) break;
    }
  }
  const result: EditorConfigValues = {};
  const max = Number(values.max_line_length);
  if (Number.isInteger(max) && max > 0) result.maxLineLength = max;
  if (values.indent_style === 'tab') result.indentUnit = '\t';
  else if (values.indent_style === 'space') {
    const size = Number(values.indent_size);
    result.indentUnit = ' '.repeat(Number.isInteger(size) && size > 0 ? size : 2);
  }
  return result;
}

function prettierSettings(source: string, config: Json, dir: string, editorConfig: EditorConfigValues): FormatterSettings {
  // Prettier reads .editorconfig for width and indentation unless the config sets them.
  const settings: FormatterSettings = {
    source,
    printWidth: num(config.printWidth) ?? editorConfig.maxLineLength ?? 80,
    trailingCommaInCalls: prettierTrailingCommaAll(config.trailingComma, dir),
    trailingCommaInObjects: config.trailingComma !== 'none',
  };
  if (typeof config.singleQuote === 'boolean') settings.quote = config.singleQuote ? "'" : '"';
  else settings.quote = '"';
  settings.semicolons = typeof config.semi === 'boolean' ? config.semi : true;
  if (config.useTabs === true) settings.indentUnit = '\t';
  else if (num(config.tabWidth) !== undefined) settings.indentUnit = ' '.repeat(num(config.tabWidth) ?? 2);
  else if (editorConfig.indentUnit !== undefined) settings.indentUnit = editorConfig.indentUnit;
  return settings;
}

/** Prettier 3 defaults to `trailingComma: "all"`, Prettier 2 to `"es5"` (no comma in calls). */
function prettierTrailingCommaAll(value: unknown, dir: string): boolean {
  if (typeof value === 'string') return value === 'all';
  for (const folder of foldersUp(join(dir, 'x'))) {
    const manifest = readTextFile(join(folder, 'node_modules', 'prettier', 'package.json'));
    if (manifest !== undefined) {
      const parsed = parseJsonc(manifest);
      const version = isRecord(parsed) && typeof parsed.version === 'string' ? parsed.version : '3';
      return Number.parseInt(version, 10) >= 3;
    }
  }
  return true;
}

function biomeSettings(source: string, config: unknown, editorConfig: EditorConfigValues): FormatterSettings {
  const root = isRecord(config) ? config : {};
  const formatter = isRecord(root.formatter) ? root.formatter : {};
  const javascript = isRecord(root.javascript) ? root.javascript : {};
  const jsFormatter = isRecord(javascript.formatter) ? javascript.formatter : {};
  const pick = (key: string): unknown => jsFormatter[key] ?? formatter[key];
  const settings: FormatterSettings = {
    source,
    printWidth: num(pick('lineWidth')) ?? 80,
    trailingCommaInCalls: (jsFormatter.trailingCommas ?? jsFormatter.trailingComma ?? 'all') === 'all',
    trailingCommaInObjects: (jsFormatter.trailingCommas ?? jsFormatter.trailingComma ?? 'all') !== 'none',
  };
  settings.quote = jsFormatter.quoteStyle === 'single' ? "'" : '"';
  settings.semicolons = jsFormatter.semicolons !== 'asNeeded';
  const style = pick('indentStyle');
  if (style === 'tab' || (style === undefined && editorConfig.indentUnit === undefined)) settings.indentUnit = '\t';
  else if (style === 'space') settings.indentUnit = ' '.repeat(num(pick('indentWidth')) ?? 2);
  else if (editorConfig.indentUnit !== undefined) settings.indentUnit = editorConfig.indentUnit;
  return settings;
}
