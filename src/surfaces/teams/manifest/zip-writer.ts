import { crc32, deflateRawSync } from 'node:zlib';

/**
 * The smallest ZIP writer a Teams app package needs: deflated files in one
 * folder, no ZIP64, no encryption. Timestamps are fixed (1980-01-01) so the
 * same inputs give the same bytes.
 */
export interface ZipEntry {
  /** Forward slashes; ASCII (a Teams package has three fixed names). */
  readonly name: string;
  readonly bytes: Uint8Array;
}

const localHeaderSignature = 0x04034b50;
const centralHeaderSignature = 0x02014b50;
const endOfCentralDirectorySignature = 0x06054b50;
const deflate = 8;
const versionNeeded = 20;
const dosDate1980 = (0 << 9) | (1 << 5) | 1;

export function writeZip(entries: readonly ZipEntry[]): Buffer {
  const parts: Buffer[] = [];
  const centralParts: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    if (!/^[\x20-\x7e]+$/.test(entry.name)) throw new Error(`zip: unsupported entry name ${entry.name}`);
    const name = Buffer.from(entry.name, 'ascii');
    const data = deflateRawSync(entry.bytes);
    const checksum = crc32(entry.bytes);

    const local = Buffer.alloc(30);
    local.writeUInt32LE(localHeaderSignature, 0);
    local.writeUInt16LE(versionNeeded, 4);
    local.writeUInt16LE(0, 6);
    local.writeUInt16LE(deflate, 8);
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(dosDate1980, 12);
    local.writeUInt32LE(checksum, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(entry.bytes.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(centralHeaderSignature, 0);
    central.writeUInt16LE(versionNeeded, 4);
    central.writeUInt16LE(versionNeeded, 6);
    central.writeUInt16LE(0, 8);
    central.writeUInt16LE(deflate, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(dosDate1980, 14);
    central.writeUInt32LE(checksum, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(entry.bytes.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(0, 30);
    central.writeUInt16LE(0, 32);
    central.writeUInt16LE(0, 34);
    central.writeUInt16LE(0, 36);
    central.writeUInt32LE(0, 38);
    central.writeUInt32LE(offset, 42);

    parts.push(local, name, data);
    centralParts.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const centralDirectory = Buffer.concat(centralParts);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(endOfCentralDirectorySignature, 0);
  end.writeUInt16LE(0, 4);
  end.writeUInt16LE(0, 6);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralDirectory.length, 12);
  end.writeUInt32LE(offset, 16);
  end.writeUInt16LE(0, 20);
  return Buffer.concat([...parts, centralDirectory, end]);
}
