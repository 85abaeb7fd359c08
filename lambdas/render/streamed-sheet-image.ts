import type ExcelJS from 'exceljs';
import { escapeXml } from './escape-xml';
import type { StreamingWorkbook } from './stream-workbook';

/** A worksheet of the streaming writer (typed by exceljs as a Worksheet, but without `addImage`). */
export type StreamingWorksheet = ReturnType<StreamingWorkbook['addWorksheet']>;

/** Where a picture goes: its top-left cell (0-based, as exceljs's `tl`) and its size on screen in pixels. */
export interface StreamedImagePlacement {
  tl: { col: number; row: number };
  ext: { width: number; height: number };
  /** Alternative text, read by screen readers and shown by Excel's "Alt Text". */
  description?: string;
}

/** The parts of exceljs 4.4's streaming writer this file relies on (not in its type definitions). */
interface WorkbookWriterInternals {
  zip: { append(source: unknown, data: { name: string }): unknown };
  getImage(id: number): { name: string } | undefined;
}
interface WorksheetWriterInternals {
  id: number;
  committed?: boolean;
  stream: { write(text: string): unknown };
  _sheetRelsWriter: { addRelationship(relationship: { Type: string; Target: string }): string };
  _writeRowBreaks(): void;
}

const EMU_PER_PIXEL = 9525;
const CONTENT_TYPES = '[Content_Types].xml';
const DRAWING_TYPE = 'application/vnd.openxmlformats-officedocument.drawing+xml';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

interface Anchor {
  mediaName: string;
  placement: StreamedImagePlacement;
}
interface WorkbookState {
  drawings: string[];
}
const workbookStates = new WeakMap<object, WorkbookState>();
const sheetAnchors = new WeakMap<object, Anchor[]>();

/**
 * Places a PNG on a sheet of the streaming workbook writer, which exceljs does not support (its streamed
 * worksheets have `addBackgroundImage` only). Call it before the sheet's `commit()`.
 *
 * Why not switch the gap list to the in-memory Workbook: its No preference sheet can hold ~10,000 patients, and
 * the streaming writer keeps memory flat however many there are. So this writes the three small parts a picture
 * needs beside the streamed sheet, exactly as Excel does: a DrawingML part with a one-cell anchor
 * (`xl/drawings/drawingN.xml` and its relationship to the image), a `<drawing r:id>` element in the sheet (after
 * the row breaks, where the schema puts it), and the drawing's content type. The image bytes go in through the
 * public `workbook.addImage`. Relies on exceljs 4.4 internals, checked on every call: an upgrade that changes them
 * fails here, with this message, rather than writing a broken file.
 */
export function addStreamedSheetImage(
  workbook: StreamingWorkbook,
  worksheet: StreamingWorksheet,
  png: Buffer,
  placement: StreamedImagePlacement,
): void {
  const book = workbook as unknown as WorkbookWriterInternals;
  const sheet = worksheet as unknown as WorksheetWriterInternals;
  if (
    typeof book.zip?.append !== 'function' ||
    typeof book.getImage !== 'function' ||
    typeof sheet._sheetRelsWriter?.addRelationship !== 'function' ||
    typeof sheet._writeRowBreaks !== 'function'
  ) {
    throw new Error(
      'addStreamedSheetImage: this exceljs version has a different streaming writer, so a picture cannot be added ' +
        `to sheet "${worksheet.name}". It was written for exceljs 4.4; check lambdas/render/streamed-sheet-image.ts ` +
        'against the installed version.',
    );
  }
  if (sheet.committed) {
    throw new Error(
      `addStreamedSheetImage: sheet "${worksheet.name}" is already committed; add its pictures before commit().`,
    );
  }
  const imageId = workbook.addImage({ buffer: png as unknown as ExcelJS.Buffer, extension: 'png' });
  const mediaName = book.getImage(imageId)?.name;
  if (mediaName === undefined) throw new Error('addStreamedSheetImage: exceljs did not keep the image just added.');

  const anchors = sheetAnchors.get(worksheet);
  if (anchors !== undefined) {
    anchors.push({ mediaName, placement });
    return;
  }
  sheetAnchors.set(worksheet, [{ mediaName, placement }]);
  const state = workbookState(book);
  const writeRowBreaks = sheet._writeRowBreaks.bind(sheet);
  // The sheet writes its closing elements in schema order on commit(); <drawing> follows <rowBreaks>.
  sheet._writeRowBreaks = () => {
    writeRowBreaks();
    const name = `drawing${state.drawings.length + 1}`;
    state.drawings.push(name);
    const all = sheetAnchors.get(worksheet) ?? [];
    const rId = sheet._sheetRelsWriter.addRelationship({ Type: `${REL}/drawing`, Target: `../drawings/${name}.xml` });
    book.zip.append(drawingXml(all), { name: `xl/drawings/${name}.xml` });
    book.zip.append(drawingRelsXml(all), { name: `xl/drawings/_rels/${name}.xml.rels` });
    sheet.stream.write(`<drawing r:id="${rId}"/>`);
  };
}

/** Per workbook: the drawings written so far, and the content types entry patched to declare them. */
function workbookState(book: WorkbookWriterInternals): WorkbookState {
  const existing = workbookStates.get(book);
  if (existing !== undefined) return existing;
  const state: WorkbookState = { drawings: [] };
  workbookStates.set(book, state);
  const append = book.zip.append.bind(book.zip);
  // exceljs writes [Content_Types].xml after every sheet is committed, listing only its own parts.
  book.zip.append = (source, data) => {
    if (data.name === CONTENT_TYPES && typeof source === 'string' && state.drawings.length > 0) {
      const overrides = state.drawings
        .map((name) => `<Override PartName="/xl/drawings/${name}.xml" ContentType="${DRAWING_TYPE}"/>`)
        .join('');
      return append(source.replace('</Types>', `${overrides}</Types>`), data);
    }
    return append(source, data);
  };
  return state;
}

function drawingXml(anchors: readonly Anchor[]): string {
  const body = anchors
    .map(({ placement }, i) => {
      const { tl, ext, description } = placement;
      const cx = Math.round(ext.width * EMU_PER_PIXEL);
      const cy = Math.round(ext.height * EMU_PER_PIXEL);
      const descr = description === undefined ? '' : ` descr="${escapeXml(description)}"`;
      return (
        '<xdr:oneCellAnchor>' +
        `<xdr:from><xdr:col>${tl.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${tl.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
        `<xdr:ext cx="${cx}" cy="${cy}"/>` +
        '<xdr:pic>' +
        `<xdr:nvPicPr><xdr:cNvPr id="${i + 2}" name="Picture ${i + 1}"${descr}/>` +
        '<xdr:cNvPicPr><a:picLocks noChangeAspect="1"/></xdr:cNvPicPr></xdr:nvPicPr>' +
        `<xdr:blipFill><a:blip r:embed="rId${i + 1}"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill>` +
        `<xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm>` +
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr>' +
        '</xdr:pic><xdr:clientData/></xdr:oneCellAnchor>'
      );
    })
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" ' +
    `xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${REL}">${body}</xdr:wsDr>`
  );
}

function drawingRelsXml(anchors: readonly Anchor[]): string {
  const relationships = anchors
    .map(({ mediaName }, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/image" Target="../media/${mediaName}"/>`)
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${relationships}</Relationships>`
  );
}
