import { describe, expect, it } from 'vitest';
import { didYouMean, unknownKeyMessage } from '../../lambdas/settings/did-you-mean';

const KEYS = ['icbName', 'sms', 'columnMapping', 'suppressSmallNumbers', 'linkExpiryDays'];

describe('didYouMean', () => {
  it('finds the key one slip away: an extra letter, a swap, a different case', () => {
    expect(didYouMean('smss', KEYS)).toBe('sms');
    expect(didYouMean('icbNmae', KEYS)).toBe('icbName');
    expect(didYouMean('IcbName', KEYS)).toBe('icbName');
    expect(didYouMean('suppressSmallNumber', KEYS)).toBe('suppressSmallNumbers');
  });

  it('guesses nothing when no key is close (a third of the letters may differ, at least one)', () => {
    expect(didYouMean('colour', KEYS)).toBeUndefined();
    expect(didYouMean('sx', KEYS)).toBeUndefined(); // 'sms' is 2 edits away; 2 letters allow 1
    expect(didYouMean('linkExpiry', KEYS)).toBeUndefined(); // 4 letters short of 14; 10 letters allow 3
  });
});

describe('unknownKeyMessage', () => {
  it('names the key and the guess', () => {
    expect(unknownKeyMessage('smss', KEYS)).toBe("unknown key 'smss' — did you mean 'sms'?");
    expect(unknownKeyMessage('colour', KEYS)).toBe("unknown key 'colour'");
  });
});
