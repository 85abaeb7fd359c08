import { describe, expect, it } from 'vitest';
import { assertOneDelimiter } from '../../../../lambdas/core/read/delimiter-switch';

const HEADER = { cells: 6, line: 2 };

describe('assertOneDelimiter', () => {
  it('rejects a one-cell row that another delimiter splits into columns, naming its line and both delimiters', () => {
    expect(() =>
      assertOneDelimiter({ line: 57, cells: ['9990000018;Quill;Quinn;01/02/1961;A81001;SMS'] }, ',', HEADER),
    ).toThrow(
      expect.objectContaining({
        reason: 'mixed_delimiters',
        message: expect.stringMatching(/^Line 57 is separated by semicolons, but the header on line 2 by commas/),
      }),
    );
  });

  it('leaves rows of several cells, summary lines and notes alone', () => {
    for (const cells of [['9990000018', 'a;b;c'], ['Total: 5'], ['see note; call back']]) {
      expect(() => assertOneDelimiter({ line: 3, cells }, ',', HEADER)).not.toThrow();
    }
  });
});
