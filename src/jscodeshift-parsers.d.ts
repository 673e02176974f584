// jscodeshift ships its parser factories without type declarations.
declare module 'jscodeshift/src/getParser.js' {
  interface RawParser {
    parse(source: string): unknown;
  }
  export default function getParser(name?: string, options?: unknown): RawParser;
}
