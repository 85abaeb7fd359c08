import type ExcelJS from 'exceljs';

/** A picture on a sheet as read back by exceljs: top-left cell (0-based), size in pixels, image type. */
export interface PlacedImage {
  col: number;
  row: number;
  width: number | undefined;
  height: number | undefined;
  extension: string;
}

/**
 * The pictures of a loaded sheet. exceljs reads a one-cell anchor's size into `range.ext`, which its type
 * definitions leave out; positions are rounded to whole cells.
 */
export function placedImages(workbook: ExcelJS.Workbook, ws: ExcelJS.Worksheet): PlacedImage[] {
  return ws.getImages().map((image) => {
    const ext = (image.range as unknown as { ext?: { width: number; height: number } }).ext;
    return {
      col: Math.round(image.range.tl.nativeCol),
      row: Math.round(image.range.tl.nativeRow),
      width: ext?.width,
      height: ext?.height,
      extension: workbook.getImage(Number(image.imageId)).extension,
    };
  });
}
