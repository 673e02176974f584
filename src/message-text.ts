/**
 * A type, call or code text as it goes into a message: on one line (runs of white space become
 * one space) and cut to `maxLength` characters with `…`, so reports stay short.
 */
export function shortened(text: string, maxLength = 60): string {
  const line = text.replace(/\s+/g, ' ');
  return line.length > maxLength ? `${line.slice(0, maxLength - 1)}…` : line;
}
