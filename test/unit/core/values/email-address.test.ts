import { describe, expect, it } from 'vitest';
import { isValidEmail } from '../../../../lambdas/core/values/email-address';

describe('isValidEmail', () => {
  it.each([
    { raw: 'patient@example.com', form: 'a plain address' },
    { raw: 'first.last@example.org', form: 'a dotted local part' },
    { raw: 'first+tag@mail.example.co.uk', form: 'a plus tag and four domain labels' },
    { raw: 'A@B.C', form: 'one-letter labels' },
    { raw: ' patient@example.com ', form: 'spaces around the cell' },
    { raw: 'PATIENT@EXAMPLE.COM', form: 'upper case' },
  ])('accepts "$raw" ($form)', ({ raw }) => {
    expect(isValidEmail(raw)).toBe(true);
  });

  it.each([
    { raw: '', why: 'empty' },
    { raw: 'patient.example.com', why: 'no @' },
    { raw: 'patient@@example.com', why: 'two @ together' },
    { raw: 'pat@ient@example.com', why: 'two @ apart' },
    { raw: '@example.com', why: 'an empty local part' },
    { raw: 'patient@', why: 'an empty domain' },
    { raw: 'patient@example', why: 'a domain of one label' },
    { raw: 'patient@.example.com', why: 'a leading dot in the domain' },
    { raw: 'patient@example.com.', why: 'a trailing dot in the domain' },
    { raw: 'patient@example..com', why: 'a double dot in the domain' },
    { raw: 'patient@.', why: 'a domain that is only a dot' },
    { raw: 'pat ient@example.com', why: 'a space in the local part' },
    { raw: 'patient@exam ple.com', why: 'a space in the domain' },
    { raw: 'patient@example.com; other@example.org', why: 'two addresses' },
    { raw: 'patient@\texample.com', why: 'a tab' },
    { raw: 'None', why: 'text' },
  ])('rejects "$raw" ($why)', ({ raw }) => {
    expect(isValidEmail(raw)).toBe(false);
  });
});
