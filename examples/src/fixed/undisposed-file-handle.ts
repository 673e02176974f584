// `await using` closes the handle when the function returns or throws (TypeScript downlevels it
// for Node 20; FileHandle has implemented Symbol.asyncDispose since Node 20.4).
import { open } from 'node:fs/promises';

export async function countLines(path: string): Promise<number> {
  await using file = await open(path);
  const text = await file.readFile('utf8');
  return text.split('\n').length;
}
