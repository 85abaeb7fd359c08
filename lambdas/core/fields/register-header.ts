import { QOF_REGISTERS } from '../values/qof-registers';
import { normaliseHeader } from './normalise-header';

/**
 * Per-register yes/no columns (SPEC §2.1): some exports give each QOF register its own column
 * instead of one list. Recognised headers, compared after normaliseHeader: the code (`DM`), or the
 * code, the full name or the name's first word followed by `Register` (`DM Register`,
 * `Diabetes mellitus register`, `Diabetes Register`). A first word shared by two registers
 * (`Chronic`: CKD and COPD) names neither.
 */
const CODE_BY_HEADER: ReadonlyMap<string, string> = (() => {
  const byHeader = new Map<string, string>();
  const firstWordCount = new Map<string, number>();
  const firstWordOf = (name: string) => normaliseHeader(name.split(' ')[0] ?? '');
  for (const name of QOF_REGISTERS.values()) {
    const word = firstWordOf(name);
    firstWordCount.set(word, (firstWordCount.get(word) ?? 0) + 1);
  }
  for (const [code, name] of QOF_REGISTERS) {
    const lowerCode = code.toLowerCase();
    byHeader.set(lowerCode, code);
    byHeader.set(`${lowerCode}register`, code);
    byHeader.set(`${normaliseHeader(name)}register`, code);
    const word = firstWordOf(name);
    if (firstWordCount.get(word) === 1) byHeader.set(`${word}register`, code);
  }
  return byHeader;
})();

/** The QOF register code a per-register column header names, or undefined. */
export function registerCodeForHeader(header: string): string | undefined {
  return CODE_BY_HEADER.get(normaliseHeader(header));
}
