import { inflateRawSync } from 'node:zlib';

export interface ZipEntry { name: string; compressedSize: number; size: number; read(): Buffer }

/** Lists a zip archive's entries from its central directory (stored or deflated entries only). */
export function readZip(archive: Buffer): ZipEntry[] {
    const end = archive.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    if (end < 0) throw new Error('not a zip archive: no end of central directory');
    const count = archive.readUInt16LE(end + 10);
    let offset = archive.readUInt32LE(end + 16);
    const entries: ZipEntry[] = [];
    for (let i = 0; i < count; i++) {
        if (archive.readUInt32LE(offset) !== 0x02014b50) throw new Error(`bad central directory entry ${i}`);
        const method = archive.readUInt16LE(offset + 10);
        const compressedSize = archive.readUInt32LE(offset + 20);
        const size = archive.readUInt32LE(offset + 24);
        const nameLength = archive.readUInt16LE(offset + 28);
        const extraLength = archive.readUInt16LE(offset + 30);
        const commentLength = archive.readUInt16LE(offset + 32);
        const local = archive.readUInt32LE(offset + 42);
        const name = archive.toString('utf8', offset + 46, offset + 46 + nameLength);
        entries.push({
            name, compressedSize, size,
            read: () => {
                const dataStart = local + 30 + archive.readUInt16LE(local + 26) + archive.readUInt16LE(local + 28);
                const data = archive.subarray(dataStart, dataStart + compressedSize);
                return method === 0 ? Buffer.from(data) : inflateRawSync(data);
            }
        });
        offset += 46 + nameLength + extraLength + commentLength;
    }
    return entries;
}
