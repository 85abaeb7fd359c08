import { describe, expect, it } from 'vitest';
import { isSmsConsentWithdrawn } from '../../../../lambdas/core/values/sms-consent';

describe('isSmsConsentWithdrawn in an SMS Consent column', () => {
  it.each([
    'No',
    'N',
    'False',
    '0',
    'Withdrawn',
    'Dissent',
    'Declined',
    'no',
    'NO',
    ' n ',
    'FALSE',
    'withdrawn',
    'DECLINED',
  ])('reads "%s" as withdrawn', (raw) => {
    expect(isSmsConsentWithdrawn(raw, 'consent')).toBe(true);
  });

  it.each(['Yes', 'Y', 'True', '1', 'Consented', 'Given', 'yes', ' y ', 'GIVEN', '', '   ', 'Unknown', 'Maybe', '2'])(
    'reads "%s" as not withdrawn',
    (raw) => {
      expect(isSmsConsentWithdrawn(raw, 'consent')).toBe(false);
    },
  );
});

describe('isSmsConsentWithdrawn in an SMS Dissent column', () => {
  it.each(['Yes', 'Y', 'True', '1', 'yes', ' Y ', 'TRUE'])('reads "%s" as withdrawn', (raw) => {
    expect(isSmsConsentWithdrawn(raw, 'dissent')).toBe(true);
  });

  it.each(['No', 'N', 'False', '0', 'no', '', '   ', 'Withdrawn', 'Dissent', 'Declined', 'Unknown'])(
    'reads "%s" as not withdrawn',
    (raw) => {
      expect(isSmsConsentWithdrawn(raw, 'dissent')).toBe(false);
    },
  );
});
