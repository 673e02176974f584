/**
 * The pure part of the ecosystem check: labels matched to findings, the precision table, known
 * misses, and what `--update` writes. No file system, no ESLint: tests/ecosystem feeds it small
 * in-memory inputs.
 */

export const VERDICTS = ['TP', 'acceptable', 'FP', 'unjudged'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** One report of one rule on one published file, as the lint step records it. */
export interface Finding {
  package: string;
  /** Relative to the package root, '/' separated. */
  file: string;
  /** The rule's name without the `lifetime/` prefix. */
  rule: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  messageId: string;
  message: string;
  /** The reported code, normalised by normaliseCode(). */
  text: string;
  /** How many suggestions ESLint offered with the report. */
  suggestions: number;
  /** Numbered source lines around the report, for a person to judge it. */
  context?: string[];
}

export interface Label {
  package: string;
  file: string;
  rule: string;
  text: string;
  /** Which of several findings with the same package, file, rule and text (0-based, in source order). */
  occurrence?: number;
  verdict: Verdict;
  /** One line a maintainer of the package would accept. */
  reason: string;
  /** Whether the finding carried a suggestion when it was labelled. */
  suggestion?: boolean;
}

export interface KnownMiss {
  package: string;
  file: string;
  rule: string;
  /** Code that should be reported (whitespace does not matter); it must occur in the file. */
  text: string;
  /** What the rule should say there. */
  expected: string;
  /**
   * Why the rule leaves it alone on purpose, when it does: the documented limit that covers it
   * (a miss that stays unreported is then `limit`, not `missed`).
   */
  limit?: string;
}

const MAX_TEXT = 160;

/** Reported code as one line: whitespace runs become one space; long texts keep their start and end. */
export function normaliseCode(code: string): string {
  const flat = code.replace(/\s+/g, ' ').trim();
  if (flat.length <= MAX_TEXT) return flat;
  return `${flat.slice(0, MAX_TEXT - 50).trimEnd()} … ${flat.slice(-45).trimStart()}`;
}

/** The source between two 1-based line / 1-based column positions (ESLint's message positions). */
export function sliceLines(lines: readonly string[], line: number, column: number, endLine: number, endColumn: number): string {
  if (endLine === line) return (lines[line - 1] ?? '').slice(column - 1, endColumn - 1);
  const parts = [(lines[line - 1] ?? '').slice(column - 1)];
  for (let index = line; index < endLine - 1; index++) parts.push(lines[index] ?? '');
  parts.push((lines[endLine - 1] ?? '').slice(0, endColumn - 1));
  return parts.join('\n');
}

function groupKey(item: { package: string; file: string; rule: string; text: string }): string {
  return JSON.stringify([item.package, item.file, item.rule, item.text]);
}

/** Items grouped by package, file, rule and text, in first-seen order. */
function groupByText<T>(items: Iterable<T>, keyed: (item: T) => { package: string; file: string; rule: string; text: string }): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = groupKey(keyed(item));
    const group = groups.get(key) ?? [];
    group.push(item);
    groups.set(key, group);
  }
  return groups;
}

function byPosition(a: Finding, b: Finding): number {
  return a.line - b.line || a.column - b.column || a.endLine - b.endLine || a.endColumn - b.endColumn;
}

/** Each finding with its occurrence index among findings of the same package, file, rule and text. */
export function withOccurrences(findings: readonly Finding[]): { finding: Finding; occurrence: number; repeated: boolean }[] {
  const groups = groupByText(findings, (finding) => finding);
  const out: { finding: Finding; occurrence: number; repeated: boolean }[] = [];
  for (const group of groups.values()) {
    group.sort(byPosition);
    group.forEach((finding, occurrence) => out.push({ finding, occurrence, repeated: group.length > 1 }));
  }
  return out;
}

export interface Match {
  finding: Finding;
  occurrence: number;
  /** The label, or undefined when the finding has none. */
  label: Label | undefined;
}

export interface Matching {
  matches: Match[];
  /** Labels that match no finding any more (fixed, or the rule now reports other code). */
  vanished: Label[];
}

/**
 * Pairs labels with findings. The key is package, file, rule and normalised code text, so a
 * finding keeps its label when lines move. Within one key, a label pairs first with the finding of
 * the same occurrence index; labels and findings left over then pair in source order (one of the
 * repeats went away and the indices shifted).
 */
export function matchLabels(findings: readonly Finding[], labels: readonly Label[]): Matching {
  const labelGroups = groupByText(labels, (label) => label);
  const findingGroups = groupByText(withOccurrences(findings), (item) => item.finding);
  const matches: Match[] = [];
  const vanished: Label[] = [];
  for (const [key, group] of findingGroups) {
    const free = [...(labelGroups.get(key) ?? [])];
    labelGroups.delete(key);
    const unpaired: { finding: Finding; occurrence: number }[] = [];
    const paired = new Map<{ finding: Finding; occurrence: number }, Label>();
    for (const item of group) {
      const index = free.findIndex((label) => (label.occurrence ?? 0) === item.occurrence);
      const [same] = index >= 0 ? free.splice(index, 1) : [];
      if (same === undefined) unpaired.push(item);
      else paired.set(item, same);
    }
    free.sort((a, b) => (a.occurrence ?? 0) - (b.occurrence ?? 0));
    for (const item of unpaired) {
      const label = free.shift();
      if (label !== undefined) paired.set(item, label);
    }
    for (const item of group) matches.push({ ...item, label: paired.get(item) });
    vanished.push(...free);
  }
  for (const group of labelGroups.values()) vanished.push(...group);
  return { matches, vanished };
}

export interface RuleRow {
  rule: string;
  findings: number;
  TP: number;
  acceptable: number;
  FP: number;
  /** Labelled `unjudged`, or not labelled at all. */
  unjudged: number;
  /** TP / findings (null without findings). */
  strict: number | null;
  /** (TP + acceptable) / findings. */
  lenient: number | null;
  /** FP findings that offer a suggestion: the worst kind. */
  fpWithSuggestion: number;
  withSuggestion: number;
}

/** One row per rule: every rule in `rules` (in that order) and any other rule that has findings. */
export function precisionTable(matches: readonly Match[], rules: readonly string[]): RuleRow[] {
  const rows = new Map<string, RuleRow>();
  const row = (rule: string): RuleRow => {
    let found = rows.get(rule);
    if (found === undefined) {
      found = { rule, findings: 0, TP: 0, acceptable: 0, FP: 0, unjudged: 0, strict: null, lenient: null, fpWithSuggestion: 0, withSuggestion: 0 };
      rows.set(rule, found);
    }
    return found;
  };
  for (const rule of rules) row(rule);
  for (const match of matches) {
    const current = row(match.finding.rule);
    current.findings += 1;
    const verdict = match.label?.verdict ?? 'unjudged';
    current[verdict === 'unjudged' ? 'unjudged' : verdict] += 1;
    if (match.finding.suggestions > 0) {
      current.withSuggestion += 1;
      if (verdict === 'FP') current.fpWithSuggestion += 1;
    }
  }
  for (const current of rows.values()) {
    if (current.findings > 0) {
      current.strict = current.TP / current.findings;
      current.lenient = (current.TP + current.acceptable) / current.findings;
    }
  }
  return [...rows.values()];
}

/** The totals over all rows, as one more row named `all`. */
export function totalRow(rows: readonly RuleRow[]): RuleRow {
  const total: RuleRow = { rule: 'all', findings: 0, TP: 0, acceptable: 0, FP: 0, unjudged: 0, strict: null, lenient: null, fpWithSuggestion: 0, withSuggestion: 0 };
  for (const row of rows) {
    for (const field of ['findings', 'TP', 'acceptable', 'FP', 'unjudged', 'fpWithSuggestion', 'withSuggestion'] as const) total[field] += row[field];
  }
  if (total.findings > 0) {
    total.strict = total.TP / total.findings;
    total.lenient = (total.TP + total.acceptable) / total.findings;
  }
  return total;
}

export type MissStatus = 'reported' | 'missed' | 'limit' | 'text-not-found' | 'not-linted';

export interface MissResult {
  miss: KnownMiss;
  status: MissStatus;
  /** 1-based lines where the miss's text was found. */
  lines?: [number, number];
}

/** Where `needle` occurs in `source`, ignoring differences in whitespace: 1-based first and last line. */
export function locate(source: string, needle: string): [number, number] | undefined {
  const words = needle.trim().split(/\s+/).filter((word) => word !== '');
  if (words.length === 0) return undefined;
  const pattern = new RegExp(words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+'));
  const found = pattern.exec(source);
  if (found === null) return undefined;
  const lineAt = (offset: number): number => source.slice(0, offset).split('\n').length;
  return [lineAt(found.index), lineAt(found.index + found[0].length)];
}

/**
 * A known miss counts as reported when a finding of its rule in its file overlaps the lines where
 * its text stands. `sourceOf` gives a linted file's text (undefined when the file was not linted
 * in this run, e.g. filtered out).
 */
export function matchKnownMisses(
  misses: readonly KnownMiss[],
  findings: readonly Finding[],
  sourceOf: (packageName: string, file: string) => string | undefined,
): MissResult[] {
  return misses.map((miss) => {
    const source = sourceOf(miss.package, miss.file);
    if (source === undefined) return { miss, status: 'not-linted' };
    const lines = locate(source, miss.text);
    if (lines === undefined) return { miss, status: 'text-not-found' };
    const reported = findings.some(
      (finding) =>
        finding.package === miss.package &&
        finding.file === miss.file &&
        finding.rule === miss.rule &&
        finding.line <= lines[1] &&
        finding.endLine >= lines[0],
    );
    return { miss, status: reported ? 'reported' : miss.limit === undefined ? 'missed' : 'limit', lines };
  });
}

function compareLabels(a: Label, b: Label): number {
  const fields = [
    [a.package, b.package],
    [a.file, b.file],
    [a.rule, b.rule],
    [a.text, b.text],
  ] as const;
  for (const [x, y] of fields) if (x !== y) return x < y ? -1 : 1;
  return (a.occurrence ?? 0) - (b.occurrence ?? 0);
}

export interface Update {
  labels: Label[];
  added: Label[];
  /** Vanished labels removed (only when asked to). */
  dropped: Label[];
}

/**
 * The label list `--update` writes: every existing label kept (vanished ones too, unless
 * `dropVanished`), plus one `unjudged` label per unlabelled finding. It never sets a verdict.
 * Occurrence indices are written only where a text repeats in a file.
 */
export function updateLabels(labels: readonly Label[], matching: Matching, { dropVanished = false } = {}): Update {
  const repeated = new Set(withOccurrences(matching.matches.map((match) => match.finding)).filter((item) => item.repeated).map((item) => item.finding));
  const added: Label[] = [];
  for (const match of matching.matches) {
    if (match.label !== undefined) continue;
    const label: Label = {
      package: match.finding.package,
      file: match.finding.file,
      rule: match.finding.rule,
      text: match.finding.text,
      ...(repeated.has(match.finding) ? { occurrence: match.occurrence } : {}),
      verdict: 'unjudged',
      reason: '',
      suggestion: match.finding.suggestions > 0,
    };
    added.push(label);
  }
  const dropped = dropVanished ? [...matching.vanished] : [];
  const gone = new Set(dropped);
  const kept = labels.filter((label) => !gone.has(label));
  return { labels: [...kept, ...added].sort(compareLabels), added, dropped };
}

/** Problems in a label list: unknown verdicts, empty reasons on judged labels, duplicates. */
export function checkLabels(labels: readonly Label[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const label of labels) {
    const where = `${label.package} ${label.file} ${label.rule} "${label.text}"`;
    if (!(VERDICTS as readonly string[]).includes(label.verdict)) problems.push(`${where}: unknown verdict "${label.verdict}"`);
    if (label.verdict !== 'unjudged' && label.reason.trim() === '') problems.push(`${where}: a ${label.verdict} label needs a reason`);
    const key = `${groupKey(label)}#${String(label.occurrence ?? 0)}`;
    if (seen.has(key)) problems.push(`${where}: labelled twice (occurrence ${String(label.occurrence ?? 0)})`);
    seen.add(key);
  }
  return problems;
}

const LABEL_FILE_COMMENT =
  'Verdicts of the ecosystem check (docs/ecosystem.md). TP: right and worth fixing. acceptable: right but nobody would care, or defensible. FP: wrong. unjudged: not read yet. text: the reported code, whitespace collapsed. occurrence: tells repeats of one text in one file apart (0-based, source order). suggestion: the finding offered a suggestion.';

/** The label file as written: a comment, then the labels with their fields in a fixed order. */
export function formatLabelFile(labels: readonly Label[]): string {
  const tidy = ({ package: name, file, rule, text, occurrence, verdict, reason, suggestion }: Label): Label => ({
    package: name,
    file,
    rule,
    text,
    ...(occurrence === undefined ? {} : { occurrence }),
    verdict,
    reason,
    ...(suggestion === undefined ? {} : { suggestion }),
  });
  return `${JSON.stringify({ $comment: LABEL_FILE_COMMENT, labels: labels.map(tidy) }, null, 2)}\n`;
}
