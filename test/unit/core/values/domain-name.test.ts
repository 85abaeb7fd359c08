import { describe, expect, it } from 'vitest';
import { isDomainName } from '../../../../lambdas/core/values/domain-name';

describe('isDomainName', () => {
  it.each([
    { value: 'nhs.net', expected: true },
    { value: 'example.nhs.uk', expected: true },
    { value: 'nhs', expected: false },
    { value: '-nhs.net', expected: false },
    { value: '*.nhs.net', expected: false },
    { value: 'NHS.net', expected: false },
    { value: `${'a'.repeat(64)}.net`, expected: false },
  ])('says $value is a domain name: $expected', ({ value, expected }) => {
    expect(isDomainName(value)).toBe(expected);
  });
});
