import { describe, expect, it } from 'vitest';
import { findPracticeCodeInKey, parseOdsCode } from '../../../../lambdas/core/values/ods-code';

describe('parseOdsCode', () => {
  it.each([
    { raw: 'D83001', expected: 'D83001' },
    { raw: 'd83001', expected: 'D83001' },
    { raw: '  D83001 ', expected: 'D83001' },
    { raw: 'Y02345', expected: 'Y02345' },
  ])('accepts "$raw" as $expected', ({ raw, expected }) => {
    expect(parseOdsCode(raw)).toBe(expected);
  });

  it.each([
    { raw: '', why: 'empty' },
    { raw: 'D8300', why: 'four digits' },
    { raw: 'D830012', why: 'six digits' },
    { raw: 'DD8300', why: 'two letters' },
    { raw: '183001', why: 'no letter' },
    { raw: 'D83 001', why: 'a space inside' },
    { raw: 'QWE', why: 'an ICB-style code' },
    { raw: 'Riverside Surgery', why: 'a practice name' },
  ])('rejects "$raw" ($why)', ({ raw }) => {
    expect(parseOdsCode(raw)).toBeUndefined();
  });
});

describe('findPracticeCodeInKey', () => {
  it.each([
    { key: 'exports/D83001.csv', expected: 'D83001' },
    { key: 'exports/extract_d83001_2026-10-03.csv', expected: 'D83001' },
    { key: 'exports/D83001 - October.txt', expected: 'D83001' },
    { key: 'exports/D83001/2026-10/extract.csv', expected: 'D83001' },
    { key: 'exports/Y02345/D83001-extract.csv', expected: 'D83001' },
    { key: 'exports/A81001/B82002/extract.csv', expected: 'B82002' },
    { key: 'exports/D83001_and_Y02345.csv', expected: 'D83001' },
    { key: 'C:\\exports\\Y02345\\extract.csv', expected: 'Y02345' },
    { key: 'batch.zip/D83001.csv', expected: 'D83001' },
  ])('finds $expected in $key', ({ key, expected }) => {
    expect(findPracticeCodeInKey(key)).toBe(expected);
  });

  it.each([
    { key: 'exports/extract-2026-10-03.csv', why: 'no code at all' },
    { key: 'exports/XD83001.csv', why: 'letters run on before it' },
    { key: 'exports/D830012.csv', why: 'digits run on after it' },
    { key: 'exports/D83001a.csv', why: 'a letter runs on after it' },
    { key: 'exports/9D83001.csv', why: 'a digit runs on before it' },
    { key: '', why: 'an empty key' },
  ])('finds nothing in $key ($why)', ({ key }) => {
    expect(findPracticeCodeInKey(key)).toBeUndefined();
  });
});
