import { describe, expect, it } from 'vitest';
import { attachmentAllowed, normaliseDomain } from '../../../../lambdas/core/notify/attachment-allowed';

describe('attachmentAllowed', () => {
  it.each([
    { email: 'practice.manager@nhs.net', domains: ['nhs.net'], expected: true },
    { email: 'PM@NHS.NET', domains: ['nhs.net'], expected: true },
    { email: 'pm@leeds.nhs.net', domains: ['nhs.net'], expected: true },
    { email: 'pm@a.b.nhs.net', domains: ['nhs.net'], expected: true },
    { email: 'pm@evilnhs.net', domains: ['nhs.net'], expected: false },
    { email: 'pm@nhs.net.example.com', domains: ['nhs.net'], expected: false },
    { email: 'pm@example.org', domains: ['nhs.net'], expected: false },
    { email: 'pm@example.org', domains: ['nhs.net', 'example.org'], expected: true },
    { email: 'pm@nhs.net', domains: [], expected: false },
    { email: 'pm@nhs.net', domains: ['@nhs.net'], expected: true },
    { email: 'pm@x.nhs.net', domains: ['*.nhs.net'], expected: true },
    { email: 'pm@nhs.net.', domains: ['nhs.net'], expected: true },
    { email: 'not-an-address', domains: ['nhs.net'], expected: false },
    { email: 'pm@', domains: ['nhs.net'], expected: false },
    { email: 'pm@nhs.net', domains: [''], expected: false },
  ])('gives $expected for $email with $domains', ({ email, domains, expected }) => {
    expect(attachmentAllowed(email, domains)).toBe(expected);
  });
});

describe('normaliseDomain', () => {
  it.each([
    { entry: 'NHS.net', expected: 'nhs.net' },
    { entry: ' @nhs.net ', expected: 'nhs.net' },
    { entry: '*.nhs.net', expected: 'nhs.net' },
    { entry: '.nhs.net.', expected: 'nhs.net' },
  ])('reads "$entry" as $expected', ({ entry, expected }) => {
    expect(normaliseDomain(entry)).toBe(expected);
  });
});
