import type { FieldName } from '../fields/field-aliases';
import type { HeaderMapping } from '../fields/header-mapping';
import { hasAisNeed } from '../values/ais-need';
import { isValidEmail } from '../values/email-address';
import { parseNhsNumber } from '../values/nhs-number';
import { parseOdsCode } from '../values/ods-code';
import { preferenceCategory } from '../values/preference-category';
import { isRegisterFlagSet, parseQofRegisters } from '../values/qof-registers';
import { isSmsConsentWithdrawn } from '../values/sms-consent';
import { ageOn, parseUkDate } from '../values/uk-date';
import { isValidUkMobile } from '../values/uk-mobile';
import type { RowOutcome } from './patient-row';

/** What is known about the file before its rows are read. */
export interface RowContext {
  /** Practice code from the file name or object key, used when the column is absent or empty. */
  practiceCodeFromKey: string | undefined;
  /** ISO extract date from the file name or upload time, used when the row has none. */
  fileExtractDate: string;
}

/** Column positions resolved once per file, so each row is a few array reads. */
export interface RowLayout {
  readonly fields: Partial<Record<FieldName, number>>;
  readonly registerColumns: readonly { index: number; code: string }[];
}

export function rowLayout(mapping: HeaderMapping): RowLayout {
  return { fields: mapping.fields, registerColumns: mapping.registerColumns };
}

const EMPTY: string[] = [];

function cell(cells: readonly string[], index: number | undefined): string {
  if (index === undefined) return '';
  const value = cells[index];
  return value === undefined ? '' : value.trim();
}

/** Turns one data record into a patient row or the reason it cannot be counted (SPEC §2.4). */
export function interpretRow(cells: readonly string[], layout: RowLayout, context: RowContext): RowOutcome {
  const f = layout.fields;
  const practiceCell = cell(cells, f.practiceCode);
  const practiceCode = practiceCell === '' ? context.practiceCodeFromKey : parseOdsCode(practiceCell);
  if (practiceCode === undefined) return { ok: false, reason: 'unattributed' };

  const nhsNumber = parseNhsNumber(cell(cells, f.nhsNumber));
  if (nhsNumber === undefined) return { ok: false, reason: 'invalid_nhs_number', practiceCode };

  const extractDate =
    (f.extractDate !== undefined && parseUkDate(cell(cells, f.extractDate))) || context.fileExtractDate;
  let dateOfBirth = parseUkDate(cell(cells, f.dateOfBirth));
  if (dateOfBirth !== undefined && dateOfBirth > extractDate) dateOfBirth = undefined;

  const preferenceRaw = cell(cells, f.preferredContactMethod);
  let qofRegisters = EMPTY;
  let unknownRegisters = EMPTY;
  if (f.qofRegisters !== undefined) {
    const parsed = parseQofRegisters(cell(cells, f.qofRegisters));
    qofRegisters = parsed.codes;
    unknownRegisters = parsed.unknown;
  }
  if (layout.registerColumns.length > 0) {
    for (const { index, code } of layout.registerColumns) {
      if (!isRegisterFlagSet(cell(cells, index)) || qofRegisters.includes(code)) continue;
      qofRegisters = qofRegisters === EMPTY ? [code] : [...qofRegisters, code];
    }
  }

  const smsConsentWithdrawn =
    (f.smsConsent !== undefined && isSmsConsentWithdrawn(cell(cells, f.smsConsent), 'consent')) ||
    (f.smsDissent !== undefined && isSmsConsentWithdrawn(cell(cells, f.smsDissent), 'dissent'));

  return {
    ok: true,
    row: {
      practiceCode,
      nhsNumber,
      dateOfBirth,
      age: dateOfBirth === undefined ? undefined : ageOn(dateOfBirth, extractDate),
      extractDate,
      category: preferenceCategory(preferenceRaw),
      preferenceRaw,
      hasMobile: f.mobile !== undefined && isValidUkMobile(cell(cells, f.mobile)),
      hasEmail: f.email !== undefined && isValidEmail(cell(cells, f.email)),
      smsConsentWithdrawn,
      aisNeed: f.aisNeed !== undefined && hasAisNeed(cell(cells, f.aisNeed)),
      qofRegisters,
      unknownRegisters,
      surname: cell(cells, f.surname),
      forename: cell(cells, f.forename),
    },
  };
}
