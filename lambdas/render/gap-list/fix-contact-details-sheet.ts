import type { ContactFix, GapList } from '../../core/report/gap-list';
import { formatNhsNumber } from '../../core/values/nhs-number';
import { excelDate } from '../excel-date';
import { NUM_FMT } from '../number-formats';
import type { StreamingWorkbook } from '../stream-workbook';
import { addFixTableSheet, type FixTableColumn } from './fix-table-sheet';

/** The three dq_* problems in words, in the order the sheet lists them, with what to fix. */
export const CONTACT_PROBLEMS: Readonly<Record<ContactFix['problem'], { label: string; fix: string }>> = {
  sms_no_mobile: {
    label: 'Prefers SMS, no valid mobile number',
    fix: "Record the patient's current mobile number (07 and 9 more digits), or ask which other method they want and update the preference.",
  },
  email_no_address: {
    label: 'Prefers email, no valid email address',
    fix: 'Record a working email address (name@domain), or ask which other method they want and update the preference.',
  },
  sms_dissent: {
    label: 'Prefers SMS, but SMS consent is withdrawn',
    fix: 'The record contradicts itself: ask the patient whether they want texts, then update either the preference or the SMS consent.',
  },
};
const PROBLEM_ORDER = Object.keys(CONTACT_PROBLEMS) as ContactFix['problem'][];

const COLUMNS = [
  { header: 'Problem', width: 26 },
  { header: 'NHS number', width: 14 },
  { header: 'Surname', width: 20 },
  { header: 'Forename', width: 18 },
  { header: 'Date of birth', width: 12, numFmt: NUM_FMT.date },
  { header: 'What to fix', width: 64 },
] as const satisfies readonly FixTableColumn[];
/**
 * The Fix contact details sheet: patients whose recorded preference cannot work as recorded (the
 * three dq_* lists), grouped by problem in the model's order within each, with what to fix.
 */
export function addFixContactDetailsSheet(workbook: StreamingWorkbook, gapList: GapList): void {
  addFixTableSheet(workbook, {
    name: 'Fix contact details',
    columns: COLUMNS,
    intro:
      `${gapList.fixContactDetails.length.toLocaleString('en-GB')} patients whose recorded preference cannot work as recorded: ` +
      'messages to them fail or go against their wishes. Fix the contact details or ask the patient again.',
    groups: PROBLEM_ORDER.map((problem) => ({
      ...CONTACT_PROBLEMS[problem],
      rows: gapList.fixContactDetails
        .filter((patient) => patient.problem === problem)
        .map((patient) => [
          formatNhsNumber(patient.nhsNumber),
          patient.surname,
          patient.forename,
          excelDate(patient.dateOfBirth) ?? null,
        ]),
    })),
    whenEmpty: 'No patients: every recorded preference has the contact details it needs.',
  });
}
