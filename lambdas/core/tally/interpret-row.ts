import type { FieldName } from '../fields/field-aliases';
import type { HeaderMapping } from '../fields/header-mapping';
import { NO_VALUE_MAPPING, type ValueMapping } from '../fields/value-mapping';
import { nhsNumberFromKey } from '../values/nhs-number-key';
import { dateNumberToIso } from '../values/uk-date-number';
import type { RowOutcome } from './patient-row';
import { RowInterpreter } from './row-interpreter';

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
  /** Cells in the header line: a patient row with fewer lacks trailing optional columns (counted, SPEC §2.4). */
  readonly columnCount?: number;
}

export function rowLayout(mapping: HeaderMapping, columnCount?: number): RowLayout {
  return { fields: mapping.fields, registerColumns: mapping.registerColumns, columnCount };
}

/**
 * Turns one data record into a patient row or the reason it cannot be counted (SPEC §2.4).
 * One object per call, for tests and small inputs; the pipeline reads rows with a RowInterpreter,
 * which applies the same rules without allocating per row.
 */
export function interpretRow(
  cells: readonly string[],
  layout: RowLayout,
  context: RowContext,
  valueMapping: ValueMapping = NO_VALUE_MAPPING,
): RowOutcome {
  const interpreter = new RowInterpreter(layout, context, valueMapping);
  const status = interpreter.read(cells);
  const row = interpreter.row;
  if (status === 'unattributed') return { ok: false, reason: 'unattributed' };
  if (status !== 'ok') return { ok: false, reason: status, practiceCode: row.practiceCode };
  return {
    ok: true,
    row: {
      practiceCode: row.practiceCode,
      nhsNumber: nhsNumberFromKey(row.nhsKey),
      dateOfBirth: row.dateOfBirth === 0 ? undefined : dateNumberToIso(row.dateOfBirth),
      age: row.age < 0 ? undefined : row.age,
      extractDate: row.extractDate,
      category: row.category,
      preferenceRaw: row.preferenceRaw,
      hasMobile: row.hasMobile,
      hasEmail: row.hasEmail,
      smsConsentWithdrawn: row.smsConsentWithdrawn,
      aisNeed: row.aisNeed,
      aisContactBy: row.aisContactBy,
      qofRegisters: [...row.qofRegisters],
      unknownRegisters: [...row.unknownRegisters],
      surname: row.surname,
      forename: row.forename,
    },
  };
}
