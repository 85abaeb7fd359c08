/** A practice as the ICB's directory knows it (SPEC §5, §6). */
export interface DirectoryEntry {
  practiceCode: string;
  practiceName: string;
  pcn?: string;
  clinicalSystem?: string;
  email?: string;
}
