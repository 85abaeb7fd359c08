import { describe, expect, it } from 'vitest';
import { practiceSummary } from '../../../lambdas/local/practice-summary';
import type { PracticeOutcome } from '../../../lambdas/pipeline/ingest-delimited';

const practice = (i: number, registered: number, snapshot: PracticeOutcome['snapshot'] = 'written') => ({
  practiceCode: `Y${10000 + i}`,
  period: '2026-10',
  registered,
  snapshot,
});

describe('practiceSummary', () => {
  it('lists up to five practices one by one, as before', () => {
    expect(practiceSummary([practice(1, 1200), practice(2, 8, 'superseded')])).toBe(
      'Y10001 2026-10 (1,200 patients), Y10002 2026-10 (8 patients) older extract, not used',
    );
  });

  it('sums up more than five practices in one short line', () => {
    // 150 practices of 6,666 patients and ten more of 10: 150 × 6,666 + 100 = 999,900 + 100 = 1,000,000.
    const many = [
      ...Array.from({ length: 150 }, (_, i) => practice(i, 6666)),
      ...Array.from({ length: 10 }, (_, i) => practice(i, 10)),
    ];
    many[150] = { ...practice(0, 10), period: '2026-09' };
    expect(practiceSummary(many)).toBe('150 practices, 1,000,000 patients (2026-09, 2026-10)');
  });

  it('counts older extracts apart and leaves their patients out', () => {
    const six = [1, 2, 3, 4, 5].map((i) => practice(i, 100));
    six.push(practice(6, 999, 'superseded'), practice(7, 999, 'superseded'));
    expect(practiceSummary(six)).toBe('5 practices, 500 patients (2026-10); 2 older extracts, not used');
  });
});
