import { describe, expect, it } from 'vitest';
import { byText, compareNames } from '../../plugins/pages/links.ts';

describe('names in a reader’s order', () => {
  it('sorts as a reader looks names up: case and accents aside, then by their characters where that finds them equal', () => {
    const names = ['zebra', 'Éclair', 'API', 'apple', 'api', 'Order service', 'order-service', 'Zoo', 'eclair'];
    expect(byText(names, (name) => name)).toEqual([
      'API',
      'api',
      'apple',
      'eclair',
      'Éclair',
      'Order service',
      'order-service',
      'zebra',
      'Zoo',
    ]);
  });

  it('gives the same order whatever the order it starts from', () => {
    const names = ['b', 'B', 'a', 'A', 'á', 'Á'];
    const sorted = [...names].sort(compareNames);
    expect([...names].reverse().sort(compareNames)).toEqual(sorted);
    expect(sorted).toEqual(['A', 'a', 'Á', 'á', 'B', 'b']);
  });
});
