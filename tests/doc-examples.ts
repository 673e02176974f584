import { readFileSync } from 'node:fs';

/**
 * The ```ts blocks of a rule doc's `## Examples` section, split at the "✅ Correct" heading into
 * the ❌ blocks (which must report) and the ✅ blocks (which must not). Tests lint them with the
 * rule itself, so a doc example that drifts from the rule fails the suite.
 */
export function docExamples(rule: string): { incorrect: string[]; correct: string[] } {
  const doc = readFileSync(new URL(`../docs/rules/${rule}.md`, import.meta.url), 'utf8');
  const section = doc.slice(doc.indexOf('## Examples'), doc.indexOf('\n## ', doc.indexOf('## Examples') + 1));
  const [incorrectPart = '', correctPart = ''] = section.split('✅ Correct');
  const blocks = (text: string): string[] => [...text.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');
  return { incorrect: blocks(incorrectPart), correct: blocks(correctPart) };
}
