import { describe, expect, it } from 'vitest';
import { mappingFingerprint } from '../../../../lambdas/core/fields/mapping-fingerprint';
import { parseValueMapping } from '../../../../lambdas/core/fields/parse-value-mapping';
import type { ValueMapping } from '../../../../lambdas/core/fields/value-mapping';

function values(json: unknown): ValueMapping {
  const parsed = parseValueMapping(json);
  if (!parsed.ok) throw new Error(parsed.errors.join(' '));
  return parsed.mapping;
}

describe('mappingFingerprint', () => {
  it('is undefined without mappings, or with empty ones (as ledger entries written before fingerprints)', () => {
    expect(mappingFingerprint(undefined, undefined)).toBeUndefined();
    expect(mappingFingerprint({}, values({}))).toBeUndefined();
    expect(mappingFingerprint({ fields: {} }, values({ smsConsent: {} }))).toBeUndefined();
  });

  it('is 12 hex digits, the same whatever the key order, case or spacing', () => {
    const a = mappingFingerprint(
      { fields: { 'Pt Mob': 'mobile', 'Pt Email': 'email' } },
      values({ preferredContactMethod: { 'Txt msg': 'sms', Carer: 'other' }, aisNeed: { Nil: 'no_need' } }),
    );
    const b = mappingFingerprint(
      { fields: { 'PT EMAIL': 'email', 'pt mob': 'mobile' } },
      values({ aisNeed: { nil: 'no_need' }, preferredContactMethod: { carer: 'other', 'TXT  MSG': 'sms' } }),
    );
    expect(a).toMatch(/^[0-9a-f]{12}$/);
    expect(b).toBe(a);
  });

  it('changes when a category, a value or a column changes', () => {
    const base = mappingFingerprint(undefined, values({ preferredContactMethod: { 'Txt msg': 'sms' } }));
    expect(mappingFingerprint(undefined, values({ preferredContactMethod: { 'Txt msg': 'other' } }))).not.toBe(base);
    expect(mappingFingerprint(undefined, values({ preferredContactMethod: { 'Text msg': 'sms' } }))).not.toBe(base);
    expect(
      mappingFingerprint({ fields: { 'Pt Mob': 'mobile' } }, values({ preferredContactMethod: { 'Txt msg': 'sms' } })),
    ).not.toBe(base);
    expect(mappingFingerprint({ fields: { 'Pt Mob': 'mobile' } }, undefined)).not.toBe(
      mappingFingerprint({ fields: { 'Pt Mob': 'email' } }, undefined),
    );
  });
});
