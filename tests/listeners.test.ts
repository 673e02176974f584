import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { mayRegisterListeners, registrationCandidate } from '../src/listeners.js';
import { inspect } from './ast/inspect.js';

/** The names of the candidates among the calls of `code` (no type information needed). */
function candidates(code: string, configured: readonly string[] = []): (string | undefined)[] {
  return inspect(code, 'CallExpression', (node) => registrationCandidate(node as TSESTree.CallExpression, new Set(configured))?.name);
}

// The pre-filter must never skip a file in which `registrationCandidate` would take a call:
// every spelling below is a candidate, and the text alone must let the file through.
const MEMBER_SPELLINGS = (name: string): string[] => [
  `x.${name}('e', cb);`,
  `x?.${name}('e', cb);`,
  `x\n  .${name}('e', cb);`,
  `x['${name}']('e', cb);`,
  `x[\`${name}\`]('e', cb);`,
  `x.${name}<T>('e', cb);`,
  `(x.${name} as F)('e', cb);`,
];
const FUNCTION_SPELLINGS = (name: string): string[] => [`${name}(cb);`, `${name}<T>(cb);`, `${name}!(cb);`, `${name}?.(cb);`, `(${name})(cb);`, `(${name} as F)(cb);`];

describe('the listener pre-filter', () => {
  const memberOnly = ['on', 'observe'];
  const anywhere = ['addEventListener', 'addListener', 'prependListener', 'setInterval', 'subscribe', 'event', 'onDidChange', 'startListening', 'doRegister', 'watchFile'];
  it.each([...memberOnly, ...anywhere].flatMap((name) => MEMBER_SPELLINGS(name)))('lets %j through, a candidate', (code) => {
    expect(candidates(code)).toHaveLength(1);
    expect(candidates(code)[0]).toBeDefined();
    expect(mayRegisterListeners(code, [])).toBe(true);
  });
  it.each(anywhere.flatMap((name) => FUNCTION_SPELLINGS(name)))('lets %j through, a candidate', (code) => {
    expect(candidates(code)[0]).toBeDefined();
    expect(mayRegisterListeners(code, [])).toBe(true);
  });

  it('decodes escapes before it gives up on a file', () => {
    for (const code of ['x.\\u006fn("e", cb);', 'x["\\x6fn"]("e", cb);', 'x["o\\\nn"]("e", cb);', 'x.\\u{73}ubscribe(cb);']) {
      expect(candidates(code)[0]).toBeDefined();
      expect(mayRegisterListeners(code, [])).toBe(true);
    }
  });

  it('skips files that name no registration, even with the words in prose', () => {
    const code = `// Events arrive on the bus; the event loop runs on and on.
const events = items.map((item) => item.once('done', cb)).filter(Boolean);
const message = 'subscriptions: none'.replace(/on/g, '');
x.onion(cb); online(cb); button.then(cb); eventually(cb);`;
    expect(candidates(code).filter((name) => name !== undefined)).toEqual([]);
    expect(mayRegisterListeners(code, [])).toBe(false);
    // Escapes of control characters, and escapes that spell no registration name.
    expect(mayRegisterListeners("const reset = '\\x1b[0m', nul = '\\0', crlf = /\\r\\n/; const caf\\u00e9 = 'x\\x6f';", [])).toBe(false);
  });

  it('takes configured names as candidates and as words, private methods included', () => {
    const code = 'class A { #track(cb) {} m() { track(cb); this.#track(cb); } }';
    expect(candidates(code)).toEqual([undefined, undefined]);
    expect(mayRegisterListeners(code, [])).toBe(false);
    expect(candidates(code, ['track'])).toEqual(['track', '#track']);
    expect(mayRegisterListeners(code, ['track'])).toBe(true);
  });

  it('takes `on` and `observe` only as methods, and no call without arguments or with a spread', () => {
    expect(candidates('on("e", cb); observe(el); x.on(); x.on(...args); class A extends B { m() { super.on("e", cb); } }')).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});
