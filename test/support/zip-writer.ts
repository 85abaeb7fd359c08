import { deflateRawSync } from 'node:zlib';
import { crc32 } from '../../lambdas/local/samples/crc32';

/** One member of a test archive. */
export interface ZipMember {
  name: string;
  data: Uint8Array;
  /** `deflate` (default) or `store` (no compression). */
  method?: 'deflate' | 'store';
  /** Lie about the uncompressed size in the headers (a zip bomb that hides its size). */
  declaredSize?: number;
}

/**
 * A ZIP archive built byte by byte, so tests can make the odd ones real uploads produce: members that
 * are not CSV, archives inside archives, and members that inflate far beyond their compressed size
 * or claim a size they do not have. No ZIP64, no data descriptors.
 */
export function zipArchive(members: readonly ZipMember[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const member of members) {
    const name = Buffer.from(member.name, 'utf8');
    const method = member.method === 'store' ? 0 : 8;
    const stored = method === 0 ? Buffer.from(member.data) : deflateRawSync(member.data, { level: 9 });
    const crc = crc32(member.data);
    const size = member.declaredSize ?? member.data.length;
    const flags = /^[\x20-\x7e]*$/.test(member.name) ? 0 : 0x0800;

    const local = Buffer.alloc(30 + name.length);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(0, 10); // time
    local.writeUInt16LE((46 << 9) | (10 << 5) | 31, 12); // 2026-10-31
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(stored.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    name.copy(local, 30);
    locals.push(local, stored);

    const central = Buffer.alloc(46 + name.length);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE((46 << 9) | (10 << 5) | 31, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(stored.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    name.copy(central, 46);
    centrals.push(central);
    offset += local.length + stored.length;
  }
  const centralSize = centrals.reduce((sum, part) => sum + part.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(members.length, 8);
  end.writeUInt16LE(members.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}
