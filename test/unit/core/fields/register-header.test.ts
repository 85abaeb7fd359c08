import { describe, expect, it } from 'vitest';
import { registerCodeForHeader } from '../../../../lambdas/core/fields/register-header';

describe('registerCodeForHeader', () => {
  it.each([
    // a bare code
    { header: 'DM', expected: 'DM' },
    { header: 'HYP', expected: 'HYP' },
    { header: 'dm', expected: 'DM' },
    { header: 'STIA', expected: 'STIA' },
    { header: 'COPD', expected: 'COPD' },
    // a code followed by Register
    { header: 'DM Register', expected: 'DM' },
    { header: 'HYP Register', expected: 'HYP' },
    { header: 'STIA Register', expected: 'STIA' },
    { header: 'COPD_Register', expected: 'COPD' },
    // the full name followed by Register
    { header: 'Diabetes mellitus register', expected: 'DM' },
    { header: 'Stroke and TIA Register', expected: 'STIA' },
    { header: 'Chronic kidney disease register', expected: 'CKD' },
    { header: 'Chronic obstructive pulmonary disease register', expected: 'COPD' },
    { header: 'Non-diabetic hyperglycaemia register', expected: 'NDH' },
    { header: 'Atrial Fibrillation Register', expected: 'AF' },
    { header: 'Heart failure register', expected: 'HF' },
    { header: 'Learning disability register', expected: 'LD' },
    // the name's first word followed by Register
    { header: 'Diabetes Register', expected: 'DM' },
    { header: 'Hypertension Register', expected: 'HYP' },
    { header: 'Asthma register', expected: 'AST' },
    { header: 'Stroke Register', expected: 'STIA' },
    { header: 'Cancer Register', expected: 'CAN' },
    { header: 'Coronary Register', expected: 'CHD' },
    { header: 'Dementia Register', expected: 'DEM' },
    { header: 'Depression Register', expected: 'DEP' },
    { header: 'Epilepsy Register', expected: 'EP' },
    { header: 'Heart Register', expected: 'HF' },
    { header: 'Mental Register', expected: 'MH' },
    { header: 'Obesity Register', expected: 'OB' },
    { header: 'Osteoporosis Register', expected: 'OST' },
    { header: 'Palliative Register', expected: 'PC' },
    { header: 'Peripheral Register', expected: 'PAD' },
    { header: 'Rheumatoid Register', expected: 'RA' },
    { header: 'Atrial Register', expected: 'AF' },
    { header: 'Learning Register', expected: 'LD' },
    { header: 'Non-diabetic Register', expected: 'NDH' },
    { header: 'DIABETES_REGISTER', expected: 'DM' },
  ])('reads "$header" as the $expected register', ({ header, expected }) => {
    expect(registerCodeForHeader(header)).toBe(expected);
  });

  it.each([
    { header: 'Diabetes', why: 'a name without Register' },
    { header: 'Chronic Register', why: 'a first word shared by CKD and COPD' },
    { header: 'Register', why: 'Register alone' },
    { header: 'QOF Registers', why: 'the register-list column' },
    { header: 'XYZ Register', why: 'an unknown code' },
    { header: 'DM Registers', why: 'a plural' },
    { header: 'Register DM', why: 'Register first' },
    { header: 'NHS Number', why: 'a field header' },
    { header: '', why: 'an empty header' },
  ])('reads "$header" as no register ($why)', ({ header }) => {
    expect(registerCodeForHeader(header)).toBeUndefined();
  });
});
