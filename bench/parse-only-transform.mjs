// The baseline for the codemod benchmark: a jscodeshift transform that parses each file into
// jscodeshift's collection and changes nothing. Whatever the weak-parent codemod costs beyond
// this is its own work; less than this means it skipped files it did not need to parse.
export default function parseOnly(file, api) {
  api.jscodeshift(file.source);
  return undefined;
}
