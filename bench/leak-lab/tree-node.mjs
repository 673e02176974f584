// The seed's parent/child node with a strong back reference, written the way people write it.
// Variants (a) and (b) of the leak lab import this file as it is; variant (c) feeds this very
// source text to the weak-parent codemod at run time and imports what the codemod prints.
// Keep it self-contained: the codemod's output is written to a temporary directory, so this
// file must not import anything by a relative path.

const BYTES_PER_ELEMENT = 8;

// An array of doubles lives on the V8 heap (a FixedDoubleArray), so it shows up in
// process.memoryUsage().heapUsed, and the GC does not have to scan its elements.
// (An ArrayBuffer or Buffer would be counted in `external`/`arrayBuffers` instead.)
function makePayload(bytes) {
  return new Array(Math.max(1, Math.round(bytes / BYTES_PER_ELEMENT))).fill(0.5);
}

export class TreeNode {
  parent = null;
  children = [];

  constructor(name, payloadBytes) {
    this.name = name;
    this.payload = makePayload(payloadBytes);
  }

  add(child) {
    child.parent = this;
    this.children.push(child);
    return child;
  }
}
