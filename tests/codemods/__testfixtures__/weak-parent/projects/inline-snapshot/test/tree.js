import { expect, it } from 'vitest';

import { Leaf } from '../tree.input.js';

it('prints a leaf', () => {
  const root = new Leaf();
  expect(root).toMatchInlineSnapshot(`
    Leaf {
      "children": [],
      "parent": null,
    }
  `);
});
