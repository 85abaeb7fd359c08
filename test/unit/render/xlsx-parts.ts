import yauzl from 'yauzl';

/**
 * The text of every part of an .xlsx (a zip) by name, e.g. `xl/worksheets/sheet1.xml`: for checking what exceljs
 * does not read back (row breaks, content types, the drawing XML of a streamed sheet).
 */
export async function xlsxParts(bytes: Buffer): Promise<Map<string, string>> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (error, file) => (error ? reject(error) : resolve(file)));
  });
  const parts = new Map<string, string>();
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      zip.openReadStream(entry, (error, stream) => {
        if (error) return reject(error);
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('error', reject);
        stream.on('end', () => {
          // Part names may be written with a leading slash; look them up without it.
          parts.set(entry.fileName.replace(/^\//, ''), Buffer.concat(chunks).toString('utf8'));
          zip.readEntry();
        });
      });
    });
    zip.on('end', () => resolve());
    zip.on('error', reject);
    zip.readEntry();
  });
  return parts;
}
