import { ExportFormatError } from './export-format-error';

const SAVE_AS_CSV =
  'Export the report from SystmOne or EMIS Web as a delimited text (CSV) file, or open it in Excel and use ' +
  'File > Save As > "CSV UTF-8", then upload the CSV.';

/** Known binary formats people upload by mistake, by their first bytes. */
const SIGNATURES: readonly { bytes: readonly number[]; looksLike: string; hint: string }[] = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], looksLike: 'an Excel workbook (.xlsx) or another zip archive', hint: SAVE_AS_CSV },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], looksLike: 'an old-style Excel workbook (.xls)', hint: SAVE_AS_CSV },
  { bytes: [0x25, 0x50, 0x44, 0x46], looksLike: 'a PDF document', hint: SAVE_AS_CSV },
  { bytes: [0x89, 0x50, 0x4e, 0x47], looksLike: 'a PNG image', hint: SAVE_AS_CSV },
  { bytes: [0xff, 0xd8, 0xff], looksLike: 'a JPEG image', hint: SAVE_AS_CSV },
  { bytes: [0x47, 0x49, 0x46, 0x38], looksLike: 'a GIF image', hint: SAVE_AS_CSV },
  {
    bytes: [0x1f, 0x8b],
    looksLike: 'a gzip archive',
    hint: 'Upload the uncompressed CSV file, or put it in a .zip archive.',
  },
];

const UTF16_HINT =
  'Save the export as UTF-8 CSV (in Excel: File > Save As > "CSV UTF-8"; in Notepad: Save As with ' +
  'Encoding "UTF-8") and upload it again.';

/**
 * Rejects what cannot be a delimited text export, judged from its first bytes (the caller passes
 * about the first 8 KB): UTF-16 text (`unsupported_encoding`), known binary formats such as
 * workbooks, PDFs and images, and anything else with NUL bytes or many control characters (`not_text`).
 */
export function assertTextExport(sample: Uint8Array): void {
  if ((sample[0] === 0xff && sample[1] === 0xfe) || (sample[0] === 0xfe && sample[1] === 0xff)) {
    throw new ExportFormatError(
      'unsupported_encoding',
      'The file is UTF-16 text (it starts with a UTF-16 byte order mark); only UTF-8 and Windows-1252 are supported.',
      UTF16_HINT,
    );
  }
  for (const signature of SIGNATURES) {
    if (signature.bytes.every((byte, i) => sample[i] === byte)) {
      throw new ExportFormatError(
        'not_text',
        `The file is not a delimited text export: it looks like ${signature.looksLike}.`,
        signature.hint,
      );
    }
  }

  let nulsAtEven = 0;
  let nulsAtOdd = 0;
  let controls = 0;
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i] as number;
    if (b === 0) {
      if (i % 2 === 0) nulsAtEven++;
      else nulsAtOdd++;
    } else if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1a) {
      controls++;
    }
  }
  const nuls = nulsAtEven + nulsAtOdd;
  if (nuls > 0) {
    // UTF-16 without a byte order mark: ASCII text leaves every other byte zero.
    const codeUnits = Math.floor(sample.length / 2);
    const most = Math.max(nulsAtEven, nulsAtOdd);
    if (most >= codeUnits / 2 && Math.min(nulsAtEven, nulsAtOdd) <= most / 10) {
      throw new ExportFormatError(
        'unsupported_encoding',
        'The file looks like UTF-16 text (every other byte is zero); only UTF-8 and Windows-1252 are supported.',
        UTF16_HINT,
      );
    }
  }
  if (nuls > 0 || controls > sample.length / 10) {
    throw new ExportFormatError(
      'not_text',
      `The file is not a delimited text export: its first ${sample.length} bytes contain binary data ` +
        `(${nuls} zero bytes, ${controls} other control characters).`,
      SAVE_AS_CSV,
    );
  }
}
