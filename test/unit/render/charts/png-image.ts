import { inflateSync } from 'node:zlib';

/** The eight bytes every PNG file starts with. */
export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from the IHDR chunk, which must directly follow the signature. */
export function pngSize(png: Buffer): { width: number; height: number } {
  if (!png.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error('not a PNG: the signature is missing');
  if (png.toString('latin1', 12, 16) !== 'IHDR') throw new Error('not a PNG: IHDR is not the first chunk');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/**
 * RGBA pixels of an 8-bit, non-interlaced RGBA PNG (what resvg writes), for checking that text was drawn.
 * Test helper only: handles the five PNG row filters and nothing else.
 */
export function pngPixels(png: Buffer): { width: number; height: number; rgba: Uint8Array } {
  const { width, height } = pngSize(png);
  if (png[24] !== 8 || png[25] !== 6 || png[28] !== 0) throw new Error('expected 8-bit RGBA, non-interlaced');
  const idat: Buffer[] = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    if (type === 'IDAT') idat.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 4;
  const rgba = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)] as number;
    const row = y * (stride + 1) + 1;
    for (let x = 0; x < stride; x++) {
      const value = raw[row + x] as number;
      const left = x >= 4 ? (rgba[y * stride + x - 4] as number) : 0;
      const up = y > 0 ? (rgba[(y - 1) * stride + x] as number) : 0;
      const upLeft = x >= 4 && y > 0 ? (rgba[(y - 1) * stride + x - 4] as number) : 0;
      let predictor = 0;
      if (filter === 1) predictor = left;
      else if (filter === 2) predictor = up;
      else if (filter === 3) predictor = (left + up) >> 1;
      else if (filter === 4) {
        const p = left + up - upLeft;
        const pa = Math.abs(p - left);
        const pb = Math.abs(p - up);
        const pc = Math.abs(p - upLeft);
        predictor = pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
      }
      rgba[y * stride + x] = (value + predictor) & 0xff;
    }
  }
  return { width, height, rgba };
}

/** How many pixels inside the rectangle are dark (every colour channel below 128): ink, not background. */
export function darkPixels(
  image: { width: number; rgba: Uint8Array },
  box: { x: number; y: number; width: number; height: number },
): number {
  let count = 0;
  for (let y = box.y; y < box.y + box.height; y++) {
    for (let x = box.x; x < box.x + box.width; x++) {
      const i = (y * image.width + x) * 4;
      if (
        (image.rgba[i] as number) < 128 &&
        (image.rgba[i + 1] as number) < 128 &&
        (image.rgba[i + 2] as number) < 128
      ) {
        count++;
      }
    }
  }
  return count;
}
