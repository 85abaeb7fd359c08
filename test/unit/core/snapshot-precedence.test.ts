import { describe, expect, it } from 'vitest';
import { type PracticeSnapshot, supersedes, withPendingSnapshots } from '../../../lambdas/core/snapshot';

function snapshot(practiceCode: string, extractDate: string, ingestedAt: string, registered = 10): PracticeSnapshot {
  return {
    period: extractDate.slice(0, 7),
    practiceCode,
    extractDate,
    clinicalSystem: 'SystmOne',
    source: { bucket: 'exports', key: `exports/${practiceCode}_${extractDate}.csv`, etag: ingestedAt },
    ingestedAt,
    counts: { registered } as PracticeSnapshot['counts'],
    registers: {},
    rejectedByReason: {},
    unrecognisedValues: {},
    unknownRegisterCodes: {},
  };
}

describe('supersedes', () => {
  it.each([
    ['a later extract date wins, even ingested earlier', '2026-10-31', '09:00', '2026-10-15', '10:00', true],
    ['an earlier extract date loses, even ingested later', '2026-10-15', '11:00', '2026-10-31', '10:00', false],
    ['on the same date the later ingest wins', '2026-10-31', '11:00', '2026-10-31', '10:00', true],
    ['on the same date and time the new one wins (a re-ingest)', '2026-10-31', '10:00', '2026-10-31', '10:00', true],
    ['on the same date an earlier ingest loses', '2026-10-31', '09:00', '2026-10-31', '10:00', false],
  ])('%s', (_what, date, at, storedDate, storedAt, expected) => {
    const t = (time: string) => `2026-11-02T${time}:00.000Z`;
    expect(supersedes(snapshot('A81001', date, t(at)), snapshot('A81001', storedDate, t(storedAt)))).toBe(expected);
  });
});

describe('withPendingSnapshots', () => {
  it('adds new practices, replaces superseded ones and keeps the stored one when it is later', () => {
    const stored = [
      snapshot('A81001', '2026-10-15', '2026-11-01T09:00:00.000Z', 1),
      snapshot('B82002', '2026-10-31', '2026-11-01T09:00:00.000Z', 2),
    ];
    const pending = [
      snapshot('A81001', '2026-10-31', '2026-11-02T09:00:00.000Z', 3),
      snapshot('B82002', '2026-10-20', '2026-11-02T09:00:00.000Z', 4),
      snapshot('C83003', '2026-10-31', '2026-11-02T09:00:00.000Z', 5),
    ];
    const merged = withPendingSnapshots(stored, pending);
    expect(merged.map((s) => [s.practiceCode, s.counts.registered])).toEqual([
      ['A81001', 3],
      ['B82002', 2],
      ['C83003', 5],
    ]);
  });
});
