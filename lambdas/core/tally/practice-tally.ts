import { emptyCounts, type PracticeCounts } from '../metrics/practice-counts';
import type { ContactFix, GapListPatient, GapListTier } from '../report/gap-list';
import type { RegisterCounts, RowRejection } from '../snapshot';
import type { PatientRow } from './patient-row';

/** The priority tier of a patient with no preference (SPEC §4.2). Unknown age is not 16+. */
export function gapListTier(row: Pick<PatientRow, 'qofRegisters' | 'aisNeed' | 'age'>): GapListTier {
  const onQof = row.qofRegisters.length > 0;
  if (onQof && row.aisNeed) return 1;
  if (onQof) return 2;
  if (row.aisNeed) return 3;
  if (row.age !== undefined && row.age >= 16) return 4;
  return 5;
}

/**
 * Accumulates one practice's rows from one export into counts (for the snapshot) and
 * the gap list's patients (for the practice only). Rows arrive one at a time: nothing else is kept.
 */
export class PracticeTally {
  readonly counts: PracticeCounts = emptyCounts();
  readonly registers: Record<string, RegisterCounts> = {};
  readonly rejectedByReason: Partial<Record<RowRejection, number>> = {};
  readonly unrecognisedValues: Record<string, number> = {};
  readonly unknownRegisterCodes: Record<string, number> = {};
  readonly noPreference: GapListPatient[] = [];
  readonly fixContactDetails: ContactFix[] = [];
  /** Latest extract date seen in this practice's rows. */
  extractDate: string | undefined;
  private readonly seen = new Set<string>();

  constructor(readonly practiceCode: string) {}

  reject(reason: RowRejection): void {
    this.counts.rowsRead++;
    this.counts.rowsRejected++;
    this.rejectedByReason[reason] = (this.rejectedByReason[reason] ?? 0) + 1;
  }

  add(row: PatientRow): void {
    const c = this.counts;
    c.rowsRead++;
    if (this.seen.has(row.nhsNumber)) {
      c.duplicateRows++;
      return;
    }
    this.seen.add(row.nhsNumber);
    if (this.extractDate === undefined || row.extractDate > this.extractDate) this.extractDate = row.extractDate;

    c.registered++;
    const none = row.category === 'none';
    const onQof = row.qofRegisters.length > 0;
    const adult = row.age !== undefined && row.age >= 16;
    if (row.dateOfBirth === undefined) c.dobMissing++;
    if (adult) c.adults16plus++;
    if (onQof) c.qofPatients++;
    for (const code of row.qofRegisters) {
      let register = this.registers[code];
      if (!register) {
        register = { patients: 0, noPreference: 0 };
        this.registers[code] = register;
      }
      register.patients++;
      if (none) register.noPreference++;
    }
    for (const code of row.unknownRegisters)
      this.unknownRegisterCodes[code] = (this.unknownRegisterCodes[code] ?? 0) + 1;

    switch (row.category) {
      case 'none':
        this.countNoPreference(row, onQof, adult);
        break;
      case 'sms':
        c.prefSms++;
        if (!row.hasMobile) this.fix(row, 'sms_no_mobile');
        if (row.smsConsentWithdrawn) this.fix(row, 'sms_dissent');
        break;
      case 'email':
        c.prefEmail++;
        if (!row.hasEmail) this.fix(row, 'email_no_address');
        break;
      case 'letter':
        c.prefLetter++;
        break;
      case 'telephone':
        c.prefTelephone++;
        break;
      case 'nhsApp':
        c.prefNhsApp++;
        break;
      case 'other':
        c.prefOther++;
        break;
      case 'declined':
        c.declined++;
        break;
      case 'unrecognised':
        c.unrecognised++;
        this.unrecognisedValues[row.preferenceRaw] = (this.unrecognisedValues[row.preferenceRaw] ?? 0) + 1;
        break;
    }
  }

  private countNoPreference(row: PatientRow, onQof: boolean, adult: boolean): void {
    const c = this.counts;
    c.noPreference++;
    if (adult) c.adultsNoPreference++;
    if (onQof) c.qofNoPreference++;
    if (row.aisNeed) c.aisNeedNoPreference++;
    const wouldDefaultToSms = row.hasMobile && !row.smsConsentWithdrawn;
    if (wouldDefaultToSms) {
      c.defaultToSms++;
      if (onQof) c.qofDefaultToSms++;
    }
    if (!row.hasMobile && !row.hasEmail) c.unreachableElectronic++;
    this.noPreference.push({
      nhsNumber: row.nhsNumber,
      surname: row.surname,
      forename: row.forename,
      dateOfBirth: row.dateOfBirth,
      age: row.age,
      qofRegisters: row.qofRegisters,
      aisNeed: row.aisNeed,
      hasMobile: row.hasMobile,
      hasEmail: row.hasEmail,
      wouldDefaultToSms,
      tier: gapListTier(row),
    });
  }

  private fix(row: PatientRow, problem: ContactFix['problem']): void {
    const c = this.counts;
    if (problem === 'sms_no_mobile') c.dqSmsNoMobile++;
    else if (problem === 'email_no_address') c.dqEmailNoAddress++;
    else c.dqSmsDissent++;
    this.fixContactDetails.push({
      nhsNumber: row.nhsNumber,
      surname: row.surname,
      forename: row.forename,
      dateOfBirth: row.dateOfBirth,
      problem,
    });
  }
}
