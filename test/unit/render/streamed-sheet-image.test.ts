import type ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { renderDecileStripPng } from '../../../lambdas/render/charts/decile-strip';
import { streamWorkbook } from '../../../lambdas/render/stream-workbook';
import { addStreamedSheetImage } from '../../../lambdas/render/streamed-sheet-image';
import { loadWorkbook } from './fixtures';
import { placedImages } from './placed-images';
import { xlsxParts } from './xlsx-parts';

const png = renderDecileStripPng(3);
/** The size the pictures are shown at, in pixels (any size: the PNG is scaled to it). */
const SIZE = { width: 640, height: 160 } as const;

/** A streamed workbook: sheet "A" with two pictures, sheet "B" with none, sheet "C" with one. */
async function threeSheets(): Promise<Buffer> {
  return streamWorkbook((workbook) => {
    const a = workbook.addWorksheet('A', { headerFooter: { oddFooter: '&LA' } });
    a.getRow(1).values = ['Before the pictures'];
    addStreamedSheetImage(workbook, a, png, {
      tl: { col: 0, row: 2 },
      ext: { ...SIZE },
      description: 'Decile 3 of 10 for "D83001" & co',
    });
    addStreamedSheetImage(workbook, a, png, { tl: { col: 2, row: 10 }, ext: { width: 320, height: 80 } });
    a.getRow(20).values = ['After the pictures'];
    a.commit();
    const b = workbook.addWorksheet('B');
    b.getRow(1).values = ['No picture here'];
    b.commit();
    const c = workbook.addWorksheet('C');
    addStreamedSheetImage(workbook, c, png, { tl: { col: 1, row: 0 }, ext: { ...SIZE } });
    c.commit();
  });
}

describe('addStreamedSheetImage', () => {
  it('places pictures on streamed sheets where exceljs reads them back, at their size', async () => {
    const workbook = await loadWorkbook(await threeSheets());
    const placed = (name: string) => placedImages(workbook, workbook.getWorksheet(name) as ExcelJS.Worksheet);
    expect(placed('A')).toEqual([
      { col: 0, row: 2, width: 640, height: 160, extension: 'png' },
      { col: 2, row: 10, width: 320, height: 80, extension: 'png' },
    ]);
    expect(placed('B')).toEqual([]);
    expect(placed('C')).toEqual([{ col: 1, row: 0, width: 640, height: 160, extension: 'png' }]);
    expect(workbook.getWorksheet('A')?.getCell('A20').value).toBe('After the pictures');
  });

  it('declares each drawing part, links it from its sheet after the page footer, and escapes the alt text', async () => {
    const parts = await xlsxParts(await threeSheets());
    const types = parts.get('[Content_Types].xml') ?? '';
    for (const name of ['drawing1', 'drawing2']) {
      expect(types).toContain(
        `<Override PartName="/xl/drawings/${name}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>`,
      );
    }
    expect(types).toContain('<Default Extension="png" ContentType="image/png"/>');

    const sheetA = parts.get('xl/worksheets/sheet1.xml') ?? '';
    expect(sheetA).toMatch(/<headerFooter>.*<\/headerFooter><drawing r:id="rId1"\/><\/worksheet>$/);
    expect(parts.get('xl/worksheets/_rels/sheet1.xml.rels')).toContain('Target="../drawings/drawing1.xml"');
    expect(parts.get('xl/worksheets/sheet2.xml')).not.toContain('<drawing');
    expect(parts.get('xl/worksheets/_rels/sheet3.xml.rels')).toContain('Target="../drawings/drawing2.xml"');

    const drawing = parts.get('xl/drawings/drawing1.xml') ?? '';
    expect(drawing.match(/<xdr:oneCellAnchor>/g)).toHaveLength(2);
    // 640 × 160 px at 9,525 EMU per pixel.
    expect(drawing).toContain('<xdr:ext cx="6096000" cy="1524000"/>');
    expect(drawing).toContain('descr="Decile 3 of 10 for &quot;D83001&quot; &amp; co"');
    expect(parts.get('xl/drawings/_rels/drawing1.xml.rels')).toMatch(
      /<Relationship Id="rId1" [^>]*Target="\.\.\/media\/image0\.png"\/><Relationship Id="rId2" [^>]*Target="\.\.\/media\/image1\.png"\/>/,
    );
  });

  it('refuses a sheet that is already committed, saying to add pictures first', async () => {
    await expect(
      streamWorkbook((workbook) => {
        const ws = workbook.addWorksheet('Done');
        ws.commit();
        addStreamedSheetImage(workbook, ws, png, { tl: { col: 0, row: 0 }, ext: { ...SIZE } });
      }),
    ).rejects.toThrow('sheet "Done" is already committed; add its pictures before commit()');
  });
});
