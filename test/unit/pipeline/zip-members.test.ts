import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FsScratchSpace } from '../../../lambdas/adapters/fs-scratch-space';
import { type ExportRecord, openExport } from '../../../lambdas/core/read/open-export';
import {
  DEFAULT_ZIP_LIMITS,
  isZip,
  type ZipLimits,
  ZipRejectedError,
  zipMembers,
} from '../../../lambdas/pipeline/zip-members';

// A tiny zip writer, so tests can build archives (including dishonest ones) without a zip library.

interface ZipEntrySpec {
  name: string;
  data?: Uint8Array | string;
  /** 0 = stored, 8 = deflated (default). */
  method?: 0 | 8;
  /** Lie about the uncompressed size in both headers. */
  declaredSize?: number;
  encrypted?: boolean;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function buildZip(entries: readonly ZipEntrySpec[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const data = typeof entry.data === 'string' ? Buffer.from(entry.data, 'utf8') : Buffer.from(entry.data ?? []);
    const method = entry.name.endsWith('/') ? 0 : (entry.method ?? 8);
    const body = method === 8 ? deflateRawSync(data) : data;
    const size = entry.declaredSize ?? data.length;
    const flags = 0x0800 | (entry.encrypted ? 1 : 0);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, body);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(entry.name.endsWith('/') ? 0x10 : 0, 38);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

async function* inChunks(bytes: Uint8Array, size = 1000): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.slice(i, i + size);
}

async function text(body: AsyncIterable<Uint8Array>): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}

/** Reads every member fully; returns name, declared size and content. */
async function readMembers(zip: Uint8Array, tmpDir: string, limits?: ZipLimits) {
  const members: { name: string; uncompressedSize: number; text: string }[] = [];
  for await (const member of zipMembers(inChunks(zip), new FsScratchSpace(tmpDir), limits)) {
    members.push({ name: member.name, uncompressedSize: member.uncompressedSize, text: await text(member.body) });
  }
  return members;
}

async function rejection(run: Promise<unknown>): Promise<ZipRejectedError> {
  const error = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ZipRejectedError);
  return error as ZipRejectedError;
}

const csvA = 'NHS Number,Surname\n9990000018,Smith\n';
const csvB = 'NHS Number,Surname\n9990000026,Jones\n9990000034,Brown\n';
const MIB = 1024 * 1024;

let tmpDir: string;
beforeEach(async () => {
  tmpDir = await mkdtemp(join(tmpdir(), 'zip-members-test-'));
});
afterEach(async () => {
  await rm(tmpDir, { recursive: true, force: true });
});

describe('isZip', () => {
  it.each([
    { name: 'a zip local file header', bytes: [0x50, 0x4b, 0x03, 0x04, 0x14], expected: true },
    { name: 'exactly the four signature bytes', bytes: [0x50, 0x4b, 0x03, 0x04], expected: true },
    { name: 'an empty-archive end record', bytes: [0x50, 0x4b, 0x05, 0x06], expected: false },
    { name: 'CSV text', bytes: [...Buffer.from('NHS Number')], expected: false },
    { name: 'too few bytes', bytes: [0x50, 0x4b, 0x03], expected: false },
    { name: 'no bytes', bytes: [], expected: false },
  ])('says $expected for $name', ({ bytes, expected }) => {
    expect(isZip(Uint8Array.from(bytes))).toBe(expected);
  });
});

describe('zipMembers', () => {
  it('has the documented default limits', () => {
    expect(DEFAULT_ZIP_LIMITS).toEqual({
      maxMembers: 100,
      maxMemberBytes: 2 * 1024 ** 3,
      maxTotalBytes: 4 * 1024 ** 3,
      maxRatio: 200,
    });
  });

  it('yields each member in order with its name, declared size and content', async () => {
    const zip = buildZip([
      { name: 'D83001_2026-10-31.csv', data: csvA },
      { name: 'exports/D83002_2026-10-31.csv', data: csvB, method: 0 },
    ]);
    expect(await readMembers(zip, tmpDir)).toEqual([
      { name: 'D83001_2026-10-31.csv', uncompressedSize: 36, text: csvA },
      { name: 'exports/D83002_2026-10-31.csv', uncompressedSize: 53, text: csvB },
    ]);
  });

  it('skips directories, __MACOSX/ entries and dot-files', async () => {
    const zip = buildZip([
      { name: 'exports/' },
      { name: 'exports/D83001.csv', data: csvA },
      { name: '__MACOSX/' },
      { name: '__MACOSX/exports/._D83001.csv', data: 'resource fork' },
      { name: 'exports/.DS_Store', data: 'finder data' },
      { name: '.hidden.csv', data: csvB },
    ]);
    expect((await readMembers(zip, tmpDir)).map((m) => m.name)).toEqual(['exports/D83001.csv']);
  });

  it('yields a member that is not CSV, for openExport to reject by its content', async () => {
    const zip = buildZip([{ name: 'report.xlsx', data: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00]) }]);
    expect((await readMembers(zip, tmpDir)).map((m) => m.name)).toEqual(['report.xlsx']);
  });

  it('goes on to the next member when a body was left unread', async () => {
    const zip = buildZip([
      { name: 'a.csv', data: csvA.repeat(1000) },
      { name: 'b.csv', data: csvB },
    ]);
    const seen: string[] = [];
    for await (const member of zipMembers(inChunks(zip), new FsScratchSpace(tmpDir))) {
      if (member.name === 'a.csv') {
        for await (const _chunk of member.body) break;
      } else {
        seen.push(await text(member.body));
      }
    }
    expect(seen).toEqual([csvB]);
  });

  it('rejects a zip inside the zip', async () => {
    const inner = buildZip([{ name: 'D83001.csv', data: csvA }]);
    const zip = buildZip([
      { name: 'D83002.csv', data: csvB },
      { name: 'more/Inner.ZIP', data: inner },
    ]);
    const error = await rejection(readMembers(zip, tmpDir));
    expect(error.reason).toBe('zip_nested');
    expect(error.message).toContain('"more/Inner.ZIP"');
  });

  it('rejects an archive over the member limit before yielding any member (central directory first)', async () => {
    const zip = buildZip(Array.from({ length: 101 }, (_, i) => ({ name: `m${i}.csv`, data: csvA })));
    const yielded: string[] = [];
    const error = await rejection(
      (async () => {
        for await (const member of zipMembers(inChunks(zip), new FsScratchSpace(tmpDir))) yielded.push(member.name);
      })(),
    );
    expect(error.reason).toBe('zip_too_large');
    expect(yielded).toEqual([]);
  });

  it('rejects an archive whose declared total is over the limit before yielding any member', async () => {
    const limits: ZipLimits = { ...DEFAULT_ZIP_LIMITS, maxTotalBytes: csvA.length + csvB.length - 1 };
    const zip = buildZip([
      { name: 'a.csv', data: csvA },
      { name: 'b.csv', data: csvB },
    ]);
    const yielded: string[] = [];
    const error = await rejection(
      (async () => {
        for await (const member of zipMembers(inChunks(zip), new FsScratchSpace(tmpDir), limits))
          yielded.push(member.name);
      })(),
    );
    expect(error.reason).toBe('zip_too_large');
    expect(yielded).toEqual([]);
  });

  it('rejects a member that declares a compression ratio over the limit', async () => {
    const zip = buildZip([{ name: 'bomb.csv', data: Buffer.alloc(5 * MIB, 0x2c) }]);
    const error = await rejection(readMembers(zip, tmpDir));
    expect(error.reason).toBe('zip_bomb');
    expect(error.message).toContain('"bomb.csv" declares 5242880 bytes');
  });

  it('rejects a member whose header understates its size, while streaming it', async () => {
    const zip = buildZip([{ name: 'liar.csv', data: Buffer.alloc(5 * MIB, 0x2c), declaredSize: 1000 }]);
    const error = await rejection(readMembers(zip, tmpDir));
    expect(error.reason).toBe('zip_bomb');
    expect(error.message).toContain('"liar.csv" expands to more than the 1000 bytes its header declares');
  });

  it('rejects a member whose header overstates its size as unreadable', async () => {
    const zip = buildZip([{ name: 'short.csv', data: csvA, declaredSize: 500 }]);
    const error = await rejection(readMembers(zip, tmpDir));
    expect(error.reason).toBe('zip_unreadable');
    expect(error.message).toContain('"short.csv" in the archive cannot be decompressed');
  });

  it('hands over member bodies that openExport can read', async () => {
    const zip = buildZip([{ name: 'a.csv', data: csvA }]);
    const rows: ExportRecord[] = [];
    for await (const member of zipMembers(inChunks(zip, 7), new FsScratchSpace(tmpDir))) {
      const opened = await openExport(member.body, {
        isHeader: (cells) => cells.includes('NHS Number'),
        describeExpected: 'NHS Number',
      });
      for await (const record of opened.records) rows.push(record);
    }
    expect(rows).toEqual([{ line: 2, cells: ['9990000018', 'Smith'] }]);
  });

  it('does not judge small members by their compression ratio', async () => {
    const repetitive = ','.repeat(100_000);
    const zip = buildZip([{ name: 'commas.csv', data: repetitive }]);
    expect((await readMembers(zip, tmpDir)).map((m) => m.text.length)).toEqual([100_000]);
  });

  it.each([
    {
      name: 'more members than allowed',
      limits: { ...DEFAULT_ZIP_LIMITS, maxMembers: 2 },
      says: 'more than 2 export files',
    },
    {
      name: 'a member larger than allowed',
      limits: { ...DEFAULT_ZIP_LIMITS, maxMemberBytes: 50 },
      says: '"b.csv" expands to 53 bytes, more than 50',
    },
    {
      name: 'members larger in total than allowed',
      limits: { ...DEFAULT_ZIP_LIMITS, maxTotalBytes: 100 },
      says: 'more than 100 bytes in total',
    },
  ])('rejects an archive with $name', async ({ limits, says }) => {
    const zip = buildZip([
      { name: 'a.csv', data: csvA },
      { name: 'b.csv', data: csvB },
      { name: 'c.csv', data: csvA },
    ]);
    const error = await rejection(readMembers(zip, tmpDir, limits));
    expect(error.reason).toBe('zip_too_large');
    expect(error.message).toContain(says);
  });

  it('rejects an archive bigger than the total limit while spooling it', async () => {
    const zip = buildZip([{ name: 'a.csv', data: csvA.repeat(40_000), method: 0 }]);
    const error = await rejection(readMembers(zip, tmpDir, { ...DEFAULT_ZIP_LIMITS, maxTotalBytes: 1000 }));
    expect(error.reason).toBe('zip_too_large');
    expect(error.message).toContain('The archive is larger than 1049576 bytes');
  });

  it.each([
    {
      name: 'only directories and hidden files',
      zip: buildZip([{ name: 'exports/' }, { name: '.DS_Store', data: 'x' }]),
    },
    { name: 'no entries at all', zip: buildZip([]) },
  ])('rejects an archive with $name as empty', async ({ zip }) => {
    const error = await rejection(readMembers(zip, tmpDir));
    expect(error.reason).toBe('zip_empty');
  });

  it.each([
    { name: 'a truncated archive', zip: buildZip([{ name: 'a.csv', data: csvA }]).slice(0, 40) },
    { name: 'bytes that are not a zip', zip: new Uint8Array(Buffer.from('PK\x03\x04 but not really a zip file')) },
    { name: 'a password-protected member', zip: buildZip([{ name: 'a.csv', data: csvA, encrypted: true }]) },
  ])('rejects $name as unreadable', async ({ zip }) => {
    const error = await rejection(readMembers(zip, tmpDir));
    expect(error.reason).toBe('zip_unreadable');
    expect(error.hint).toContain('standard zip tool');
  });

  it.each([
    { name: 'reading every member', run: (zip: Uint8Array) => readMembers(zip, tmpDir) },
    {
      name: 'leaving the loop early',
      run: async (zip: Uint8Array) => {
        for await (const _member of zipMembers(inChunks(zip), new FsScratchSpace(tmpDir))) break;
      },
    },
    {
      name: 'a rejection',
      run: (zip: Uint8Array) => readMembers(zip, tmpDir, { ...DEFAULT_ZIP_LIMITS, maxMembers: 1 }).catch(() => []),
    },
  ])('deletes its temp file after $name', async ({ run }) => {
    await run(
      buildZip([
        { name: 'a.csv', data: csvA },
        { name: 'b.csv', data: csvB },
      ]),
    );
    expect(await readdir(tmpDir)).toEqual([]);
  });
});
