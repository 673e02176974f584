/**
 * Text edits on an original source: a transform collects replacements by offset and applies them
 * at the end, so everything outside the edited ranges stays byte for byte as it was.
 */

export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

export class TextEdits {
  private readonly edits: (TextEdit & { seq: number })[] = [];

  get size(): number {
    return this.edits.length;
  }

  /** Replace `[start, end)` with `text`; an insertion has `start === end`. */
  add(start: number, end: number, text: string): void {
    this.edits.push({ start, end, text, seq: this.edits.length });
  }

  insert(at: number, text: string): void {
    this.add(at, at, text);
  }

  /**
   * The edited text. Insertions at the same offset keep the order they were added in; ranges
   * that overlap are a bug of the transform and throw rather than produce mangled code.
   */
  apply(source: string): string {
    if (this.edits.length === 0) return source;
    const sorted = [...this.edits].sort((a, b) => b.start - a.start || b.end - a.end || b.seq - a.seq);
    let output = source;
    let limit = Infinity;
    for (const edit of sorted) {
      if (edit.end > limit) {
        throw new Error(`overlapping edits at offset ${String(edit.start)}; please report this file`);
      }
      output = output.slice(0, edit.start) + edit.text + output.slice(edit.end);
      limit = edit.start;
    }
    return output;
  }
}
