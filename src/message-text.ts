/** A type or call text as it goes into a message: cut to 60 characters, so reports stay one line. */
export function shortened(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
