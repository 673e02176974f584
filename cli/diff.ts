/** A unified diff of two texts (Myers' shortest edit script over lines, three lines of context). */

interface Op {
  kind: ' ' | '-' | '+';
  line: string;
}

function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

/** The edit script from `a` to `b`, found by Myers' O(ND) search. */
function editScript(a: readonly string[], b: readonly string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max + 1;
  const frontier = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = false;
  for (let d = 0; d <= max && !found; d++) {
    trace.push(frontier.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && (frontier[offset + k - 1] ?? 0) < (frontier[offset + k + 1] ?? 0)) ? (frontier[offset + k + 1] ?? 0) : (frontier[offset + k - 1] ?? 0) + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x += 1;
        y += 1;
      }
      frontier[offset + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
  }
  // Walk the trace back from the end to recover the path.
  const ops: Op[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const v = trace[d] ?? frontier;
    const k = x - y;
    const down = k === -d || (k !== d && (v[offset + k - 1] ?? 0) < (v[offset + k + 1] ?? 0));
    const previousK = down ? k + 1 : k - 1;
    const previousX = v[offset + previousK] ?? 0;
    const previousY = previousX - previousK;
    while (x > previousX && y > previousY) {
      ops.push({ kind: ' ', line: a[x - 1] ?? '' });
      x -= 1;
      y -= 1;
    }
    if (d > 0) {
      if (down) ops.push({ kind: '+', line: b[y - 1] ?? '' });
      else ops.push({ kind: '-', line: a[x - 1] ?? '' });
    }
    x = previousX;
    y = previousY;
  }
  return ops.reverse();
}

export interface DiffStats {
  added: number;
  removed: number;
}

/** `--- a/name` / `+++ b/name` headers, then hunks; empty when the texts are equal. */
export function unifiedDiff(name: string, before: string, after: string, context = 3): { text: string; stats: DiffStats } {
  const stats = { added: 0, removed: 0 };
  if (before === after) return { text: '', stats };
  // CR stays part of each line, so a CRLF file diffs line by line and shows its CRs as they are.
  const ops = editScript(splitLines(before), splitLines(after));
  const out = [`--- a/${name}`, `+++ b/${name}`];
  let index = 0;
  const lineA = (upTo: number): number => ops.slice(0, upTo).filter((op) => op.kind !== '+').length;
  const lineB = (upTo: number): number => ops.slice(0, upTo).filter((op) => op.kind !== '-').length;
  while (index < ops.length) {
    while (index < ops.length && ops[index]?.kind === ' ') index += 1;
    if (index >= ops.length) break;
    const hunkStart = Math.max(0, index - context);
    let hunkEnd = index;
    let quiet = 0;
    while (hunkEnd < ops.length) {
      if (ops[hunkEnd]?.kind === ' ') {
        quiet += 1;
        if (quiet > context * 2) break;
      } else quiet = 0;
      hunkEnd += 1;
    }
    hunkEnd = Math.min(ops.length, hunkEnd - Math.max(0, quiet - context));
    const hunk = ops.slice(hunkStart, hunkEnd);
    const countA = hunk.filter((op) => op.kind !== '+').length;
    const countB = hunk.filter((op) => op.kind !== '-').length;
    const startA = countA === 0 ? lineA(hunkStart) : lineA(hunkStart) + 1;
    const startB = countB === 0 ? lineB(hunkStart) : lineB(hunkStart) + 1;
    out.push(`@@ -${String(startA)},${String(countA)} +${String(startB)},${String(countB)} @@`);
    for (const op of hunk) {
      out.push(`${op.kind}${op.line}`);
      if (op.kind === '+') stats.added += 1;
      if (op.kind === '-') stats.removed += 1;
    }
    index = hunkEnd;
  }
  return { text: `${out.join('\n')}\n`, stats };
}
