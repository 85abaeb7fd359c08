import { describe, expect, it } from 'vitest';
import { isRegisterFlagSet, parseQofRegisters, QOF_REGISTERS } from '../../../../lambdas/core/values/qof-registers';

describe('QOF_REGISTERS', () => {
  it.each([
    { code: 'AF', name: 'Atrial fibrillation' },
    { code: 'AST', name: 'Asthma' },
    { code: 'CAN', name: 'Cancer' },
    { code: 'CHD', name: 'Coronary heart disease' },
    { code: 'CKD', name: 'Chronic kidney disease' },
    { code: 'COPD', name: 'Chronic obstructive pulmonary disease' },
    { code: 'DEM', name: 'Dementia' },
    { code: 'DEP', name: 'Depression' },
    { code: 'DM', name: 'Diabetes mellitus' },
    { code: 'EP', name: 'Epilepsy' },
    { code: 'HF', name: 'Heart failure' },
    { code: 'HYP', name: 'Hypertension' },
    { code: 'LD', name: 'Learning disability' },
    { code: 'MH', name: 'Mental health' },
    { code: 'NDH', name: 'Non-diabetic hyperglycaemia' },
    { code: 'OB', name: 'Obesity' },
    { code: 'OST', name: 'Osteoporosis' },
    { code: 'PAD', name: 'Peripheral arterial disease' },
    { code: 'PC', name: 'Palliative care' },
    { code: 'RA', name: 'Rheumatoid arthritis' },
    { code: 'STIA', name: 'Stroke and TIA' },
  ])('names $code "$name"', ({ code, name }) => {
    expect(QOF_REGISTERS.get(code)).toBe(name);
  });

  it('holds exactly the 21 registers of the SPEC', () => {
    expect(QOF_REGISTERS.size).toBe(21);
  });
});

describe('parseQofRegisters', () => {
  it.each([
    { raw: '', codes: [], unknown: [] },
    { raw: '   ', codes: [], unknown: [] },
    { raw: 'DM', codes: ['DM'], unknown: [] },
    { raw: 'DM;HYP', codes: ['DM', 'HYP'], unknown: [] },
    { raw: 'DM,HYP', codes: ['DM', 'HYP'], unknown: [] },
    { raw: 'DM|HYP', codes: ['DM', 'HYP'], unknown: [] },
    { raw: ' dm ; hyp , Ast | copd ', codes: ['DM', 'HYP', 'AST', 'COPD'], unknown: [] },
    { raw: 'DM;dm;DM', codes: ['DM'], unknown: [] },
    { raw: 'DM;;HYP;', codes: ['DM', 'HYP'], unknown: [] },
    { raw: 'DM; Diab ;XYZ', codes: ['DM'], unknown: ['Diab', 'XYZ'] },
    { raw: 'xyz;XYZ;xyz', codes: [], unknown: ['xyz', 'XYZ'] },
    { raw: 'STIA|Stroke', codes: ['STIA'], unknown: ['Stroke'] },
    {
      raw: 'AF;AST;CAN;CHD;CKD;COPD;DEM;DEP;DM;EP;HF;HYP;LD;MH;NDH;OB;OST;PAD;PC;RA;STIA',
      codes: [
        'AF',
        'AST',
        'CAN',
        'CHD',
        'CKD',
        'COPD',
        'DEM',
        'DEP',
        'DM',
        'EP',
        'HF',
        'HYP',
        'LD',
        'MH',
        'NDH',
        'OB',
        'OST',
        'PAD',
        'PC',
        'RA',
        'STIA',
      ],
      unknown: [],
    },
  ])('splits "$raw" into known $codes and unknown $unknown', ({ raw, codes, unknown }) => {
    expect(parseQofRegisters(raw)).toEqual({ codes, unknown });
  });
});

describe('isRegisterFlagSet', () => {
  it.each(['Yes', 'Y', 'True', '1', 'X', 'yes', 'y', 'TRUE', 'x', ' X '])('reads "%s" as on the register', (raw) => {
    expect(isRegisterFlagSet(raw)).toBe(true);
  });

  it.each(['', 'No', 'N', 'False', '0', '-', 'Unknown', '2', 'XX', 'Yes please'])(
    'reads "%s" as not on the register',
    (raw) => {
      expect(isRegisterFlagSet(raw)).toBe(false);
    },
  );
});
