import { describe, expect, it } from 'vitest';
import { zipFiles } from '../../../../lambdas/local/samples/zip-files';
import { unzipMembers } from './read-sample-export';

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('zipFiles', () => {
  it('writes an archive that an ordinary unzip library reads back member by member', async () => {
    const members = await unzipMembers(
      zipFiles(
        [
          { name: 'EMIS_Y01122.csv', data: encode('"Patient NHS No"\r\n"9990000018"\r\n'.repeat(50)) },
          { name: 'Y01144_2026-09-30_systmone.csv', data: encode('NHS Number\n9990000018\n') },
        ],
        new Date('2026-09-30T07:15:00Z'),
      ),
    );
    expect([...members.keys()]).toEqual(['EMIS_Y01122.csv', 'Y01144_2026-09-30_systmone.csv']);
    expect(new TextDecoder().decode(members.get('Y01144_2026-09-30_systmone.csv'))).toBe('NHS Number\n9990000018\n');
    expect(new TextDecoder().decode(members.get('EMIS_Y01122.csv'))).toBe(
      '"Patient NHS No"\r\n"9990000018"\r\n'.repeat(50),
    );
  });

  it('gives the same bytes for the same members and date', () => {
    const entries = [{ name: 'a.csv', data: encode('x,y\n1,2\n') }];
    const date = new Date('2026-10-31T07:15:00Z');
    expect(zipFiles(entries, date)).toEqual(zipFiles(entries, date));
  });

  it('reads back an archive with no members', async () => {
    expect((await unzipMembers(zipFiles([], new Date('2026-09-30T00:00:00Z')))).size).toBe(0);
  });
});
