/** Prints what the ecosystem check found: tables first, then everything a person has to read. */
import type { Finding, Label, Match, MissResult, RuleRow } from './labels.js';

export interface PackageFigures {
  name: string;
  version: string;
  files: number;
  programMs: number;
  lintMs: number;
  parseMs: number;
  ruleMs: Record<string, number>;
  findings: number;
}

export interface Report {
  packages: PackageFigures[];
  rules: string[];
  rows: RuleRow[];
  total: RuleRow;
  matches: Match[];
  vanished: Label[];
  misses: MissResult[];
  exceptions: { package: string; file: string; ruleId: string | null; message: string; stack: string }[];
  parseErrors: { package: string; file: string; line: number; column: number; message: string }[];
  failures: { package: string; message: string }[];
  prepareMs: number;
  seconds: number;
}

export function table(head: readonly string[], rows: readonly (readonly string[])[], right: ReadonlySet<number> = new Set()): string[] {
  const widths = head.map((title, index) => Math.max(title.length, ...rows.map((row) => (row[index] ?? '').length)));
  const line = (row: readonly string[]): string =>
    `  ${row.map((cell, index) => (right.has(index) ? cell.padStart(widths[index] ?? 0) : cell.padEnd(widths[index] ?? 0))).join('  ')}`.trimEnd();
  return [line(head), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)];
}

const percent = (value: number | null): string => (value === null ? '-' : `${(100 * value).toFixed(0)}%`);
const ms = (value: number): string => value.toFixed(0);

export function precisionLines(rows: readonly RuleRow[], total: RuleRow): string[] {
  return table(
    ['rule', 'findings', 'TP', 'acceptable', 'FP', 'unjudged', 'strict', 'lenient', 'FP+suggestion'],
    [...rows, total].map((row) => [
      row.rule,
      String(row.findings),
      String(row.TP),
      String(row.acceptable),
      String(row.FP),
      String(row.unjudged),
      percent(row.strict),
      percent(row.lenient),
      String(row.fpWithSuggestion),
    ]),
    new Set([1, 2, 3, 4, 5, 6, 7, 8]),
  );
}

function findingBlock(finding: Finding, note: string): string[] {
  return [
    `${finding.package} ${finding.file}:${String(finding.line)}:${String(finding.column)} ${finding.rule} [${finding.messageId}]${finding.suggestions > 0 ? ` (${String(finding.suggestions)} suggestion${finding.suggestions > 1 ? 's' : ''})` : ''}${note}`,
    `  ${finding.message}`,
    `  text: ${finding.text}`,
    ...(finding.context ?? []).map((line) => `  ${line}`),
    '',
  ];
}

export function printReport(report: Report): void {
  const out: string[] = [];
  const section = (title: string): void => {
    out.push('', `== ${title}`);
  };
  section(`Precision per rule (${String(report.packages.length)} packages, ${String(report.packages.reduce((sum, item) => sum + item.files, 0))} files)`);
  out.push(...precisionLines(report.rows, report.total));

  const fpSuggestions = report.matches.filter((match) => match.label?.verdict === 'FP' && match.finding.suggestions > 0);
  section(`FALSE POSITIVES THAT OFFER A SUGGESTION: ${String(fpSuggestions.length)}`);
  for (const match of fpSuggestions) out.push(...findingBlock(match.finding, ` — ${match.label?.reason ?? ''}`));

  const unjudged = report.matches.filter((match) => match.label === undefined || match.label.verdict === 'unjudged');
  section(`Findings without a verdict: ${String(unjudged.length)}`);
  for (const match of unjudged) out.push(...findingBlock(match.finding, match.label === undefined ? ' (no label)' : ' (labelled unjudged)'));

  section(`Labels that match no finding (vanished): ${String(report.vanished.length)}`);
  for (const label of report.vanished) {
    out.push(`  ${label.package} ${label.file} ${label.rule} "${label.text}"${label.occurrence === undefined ? '' : ` #${String(label.occurrence)}`} was ${label.verdict}: ${label.reason}`);
  }

  const count = (status: string): number => report.misses.filter((item) => item.status === status).length;
  section(`Known misses: ${String(count('reported'))} of ${String(report.misses.length)} now reported, ${String(count('limit'))} left to a documented limit, ${String(count('missed'))} missed`);
  for (const item of report.misses) {
    const where = item.lines === undefined ? '' : `:${String(item.lines[0])}`;
    out.push(`  [${item.status}] ${item.miss.package} ${item.miss.file}${where} ${item.miss.rule}: ${item.miss.text}`, `      should report: ${item.miss.expected}`);
    if (item.miss.limit !== undefined && item.status !== 'reported') out.push(`      documented limit: ${item.miss.limit}`);
  }

  section(`Rule exceptions: ${String(report.exceptions.length)}; parse errors: ${String(report.parseErrors.length)}; packages that failed: ${String(report.failures.length)}`);
  for (const exception of report.exceptions) out.push(`  EXCEPTION ${exception.package} ${exception.file} ${exception.ruleId ?? '(rule unknown)'}: ${exception.message}`, ...exception.stack.split('\n').map((line) => `      ${line.trim()}`));
  for (const error of report.parseErrors) out.push(`  parse error ${error.package} ${error.file}:${String(error.line)}:${String(error.column)} ${error.message}`);
  for (const failure of report.failures) out.push(`  FAILED ${failure.package}: ${failure.message}`);

  section('Time per package (ms, ESLint stats; this lint runs only the lifetime rules, so a rule\'s % is of that loop: the share of a recommendedTypeChecked lint is what npm run bench -- --sections ecosystem measures)');
  const ruleIds = report.rules.map((rule) => `lifetime/${rule}`);
  out.push(
    ...table(
      ['package', 'files', 'findings', 'program', 'lint', ...report.rules],
      report.packages.map((item) => [
        `${item.name}@${item.version}`,
        String(item.files),
        String(item.findings),
        ms(item.programMs),
        ms(item.lintMs),
        ...ruleIds.map((id) => `${ms(item.ruleMs[id] ?? 0)} (${(item.lintMs > 0 ? (100 * (item.ruleMs[id] ?? 0)) / item.lintMs : 0).toFixed(1)}%)`),
      ]),
      new Set(Array.from({ length: report.rules.length + 4 }, (_, index) => index + 1)),
    ),
  );

  out.push('', `${report.seconds.toFixed(0)} s${report.prepareMs > 0 ? `, of which ${(report.prepareMs / 1000).toFixed(0)} s fetching and installing` : ' (warm cache)'}.`);
  if (unjudged.length > 0) {
    out.push(`${String(unjudged.length)} findings have no verdict yet: read them above, then label them in scripts/ecosystem/labels.json (--update adds them as unjudged).`);
  }
  if (report.exceptions.length > 0) out.push(`${String(report.exceptions.length)} rule exceptions: a rule crashed ESLint (exit code 1).`);
  console.log(out.join('\n'));
}

/** The two tables docs/ecosystem.md shows, as Markdown: the package set and the precision per rule. */
export function markdownTables(report: Report, categories: ReadonlyMap<string, readonly string[]>): string {
  const row = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  const lines = [
    row(['package', 'version', 'categories', 'files linted', 'findings']),
    row(['---', '---', '---', '---:', '---:']),
    ...report.packages.map((item) => row([item.name, item.version, (categories.get(item.name) ?? []).join(', '), String(item.files), String(item.findings)])),
    '',
    row(['rule', 'findings', 'TP', 'acceptable', 'FP', 'unjudged', 'strict', 'lenient', 'FP with suggestion']),
    row(['---', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:']),
    ...[...report.rows, report.total].map((item) =>
      row([
        item.rule === 'all' ? '**all**' : item.rule,
        String(item.findings),
        String(item.TP),
        String(item.acceptable),
        String(item.FP),
        String(item.unjudged),
        percent(item.strict),
        percent(item.lenient),
        String(item.fpWithSuggestion),
      ]),
    ),
  ];
  return lines.join('\n');
}
