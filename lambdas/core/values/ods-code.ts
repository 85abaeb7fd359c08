/** ODS GP practice codes (a letter and five digits, e.g. `D83001`): in a cell, or in an object key. */

const ODS_PRACTICE_CODE = /^[A-Z]\d{5}$/;
/** A practice code as a whole token: not part of a longer run of letters or digits. */
const ODS_TOKEN = /(?<![A-Za-z0-9])[A-Za-z]\d{5}(?![A-Za-z0-9])/;
const PATH_SEPARATOR = /[/\\]/;

/** Trimmed and upper-cased; the code if it has the ODS GP practice shape, else undefined. */
export function parseOdsCode(raw: string): string | undefined {
  const code = raw.trim().toUpperCase();
  return ODS_PRACTICE_CODE.test(code) ? code : undefined;
}

/**
 * The practice code named in an object key (SPEC §2.1), upper-cased: the first ODS-shaped token in
 * the file name, else in the folders from the innermost outwards, so that
 * `exports/D83001/2026-10/extract.csv` and `exports/extract_d83001.csv` both give `D83001`.
 * Backslashes count as folder separators too (zip members written on Windows).
 */
export function findPracticeCodeInKey(key: string): string | undefined {
  const segments = key.split(PATH_SEPARATOR);
  for (let i = segments.length - 1; i >= 0; i--) {
    const match = ODS_TOKEN.exec(segments[i] as string);
    if (match) return match[0].toUpperCase();
  }
  return undefined;
}
