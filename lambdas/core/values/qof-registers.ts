/** QOF disease registers (England, QOF business rules): the codes exports use and their plain-English names. */

/** Code → name, in the order the Registers sheet lists them. */
export const QOF_REGISTERS: ReadonlyMap<string, string> = new Map([
  ['AF', 'Atrial fibrillation'],
  ['AST', 'Asthma'],
  ['CAN', 'Cancer'],
  ['CHD', 'Coronary heart disease'],
  ['CKD', 'Chronic kidney disease'],
  ['COPD', 'Chronic obstructive pulmonary disease'],
  ['DEM', 'Dementia'],
  ['DEP', 'Depression'],
  ['DM', 'Diabetes mellitus'],
  ['EP', 'Epilepsy'],
  ['HF', 'Heart failure'],
  ['HYP', 'Hypertension'],
  ['LD', 'Learning disability'],
  ['MH', 'Mental health'],
  ['NDH', 'Non-diabetic hyperglycaemia'],
  ['OB', 'Obesity'],
  ['OST', 'Osteoporosis'],
  ['PAD', 'Peripheral arterial disease'],
  ['PC', 'Palliative care'],
  ['RA', 'Rheumatoid arthritis'],
  ['STIA', 'Stroke and TIA'],
]);

const SEPARATORS = /[;,|]/;
const FLAG_SET = new Set(['yes', 'y', 'true', '1', 'x']);

/**
 * Splits a register-list cell (`DM; HYP|ast`) on `;`, `,` or `|`. Known codes come back upper-cased
 * and de-duplicated; unknown codes are kept as written (trimmed, de-duplicated) for Data quality.
 */
export function parseQofRegisters(raw: string): { codes: string[]; unknown: string[] } {
  const codes: string[] = [];
  const unknown: string[] = [];
  if (raw.trim().length === 0) return { codes, unknown };
  for (const part of raw.split(SEPARATORS)) {
    const token = part.trim();
    if (token.length === 0) continue;
    const code = token.toUpperCase();
    if (QOF_REGISTERS.has(code)) {
      if (!codes.includes(code)) codes.push(code);
    } else if (!unknown.includes(token)) {
      unknown.push(token);
    }
  }
  return { codes, unknown };
}

/** True when a per-register yes/no cell puts the patient on the register: `Yes`, `Y`, `True`, `1` or `X`. */
export function isRegisterFlagSet(raw: string): boolean {
  if (raw.length === 0) return false;
  return FLAG_SET.has(raw.trim().toLowerCase());
}
