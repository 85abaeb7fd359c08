import { describe, expect, it } from 'vitest';
import { GapRowBuffer } from '../../../../lambdas/core/tally/gap-row-buffer';
import { decodeGapRows, writeNoPreference } from '../../../../lambdas/core/tally/gap-row-codec';
import { MemorySpillFile, type SpillExtent } from '../../../../lambdas/core/tally/spill-file';

/** A MemorySpillFile that counts what is written to it. */
class CountingSpill extends MemorySpillFile {
  writes = 0;
  bytes = 0;
  override write(bytes: Uint8Array): SpillExtent {
    this.writes++;
    this.bytes += bytes.length;
    return super.write(bytes);
  }
}

function patient(i: number, surname = `Surname${i}`) {
  return {
    nhsKey: 999_000_000 + i,
    dateOfBirth: 19800101,
    age: 46,
    qofRegisters: [],
    aisNeed: false,
    hasMobile: false,
    hasEmail: false,
    surname,
    forename: 'Amy',
  };
}

// A record here is 27 fixed bytes + 2 per character: "Surname123" + "Amy" = 13 characters → 53 bytes.
describe('GapRowBuffer', () => {
  it('gives back 5,000 records in order whether it spills or not', () => {
    const spill = new CountingSpill();
    const spilling = new GapRowBuffer(spill);
    const inMemory = new GapRowBuffer();
    for (let i = 0; i < 5000; i++) {
      writeNoPreference(spilling, patient(i), false, 4);
      writeNoPreference(inMemory, patient(i), false, 4);
    }
    const expected = decodeGapRows(inMemory.bytes()).noPreference.map((p) => p.surname);
    expect(expected).toHaveLength(5000);
    expect(expected[4999]).toBe('Surname4999');
    expect(decodeGapRows(spilling.bytes()).noPreference.map((p) => p.surname)).toEqual(expected);
    // 5,000 records of 51-57 bytes (~270 KB) go out in 64 KiB blocks, after a first 4 KiB block and its doubling.
    expect(spill.writes).toBeGreaterThanOrEqual(4);
    expect(spill.writes).toBeLessThanOrEqual(8);
  });

  it('writes out what is pending when parked, unless it is under 2 KiB', () => {
    const spill = new CountingSpill();
    const buffer = new GapRowBuffer(spill);
    for (let i = 0; i < 10; i++) writeNoPreference(buffer, patient(i), false, 4);
    buffer.park();
    expect(spill.writes).toBe(0);
    for (let i = 10; i < 60; i++) writeNoPreference(buffer, patient(i), false, 4);
    buffer.park();
    expect(spill.writes).toBe(1);
    writeNoPreference(buffer, patient(60), false, 4);
    expect(decodeGapRows(buffer.bytes()).noPreference.map((p) => p.nhsNumber.slice(0, 9))).toHaveLength(61);
  });

  it('takes a record larger than a block', () => {
    const buffer = new GapRowBuffer(new MemorySpillFile());
    const long = 'x'.repeat(100_000);
    writeNoPreference(buffer, patient(1), false, 4);
    writeNoPreference(buffer, patient(2, long), false, 4);
    writeNoPreference(buffer, patient(3), false, 4);
    expect(decodeGapRows(buffer.bytes()).noPreference.map((p) => p.surname.length)).toEqual([8, 100_000, 8]);
  });

  it('forgets every record when cleared', () => {
    const buffer = new GapRowBuffer(new MemorySpillFile());
    for (let i = 0; i < 3000; i++) writeNoPreference(buffer, patient(i), false, 4);
    buffer.clear();
    expect(buffer.bytes().length).toBe(0);
  });
});
