/**
 * Encrypted workbooks as the tests need them, made here (never committed): the container Excel
 * writes for a workbook given a password (an OLE compound file holding `EncryptionInfo` and
 * `EncryptedPackage`, [MS-CFB], [MS-OFFCRYPTO]), and a zip whose entries an archiver encrypted
 * with the traditional PKWARE cipher (ZipCrypto, APPNOTE.TXT §6.1).
 */
import { crc32 } from "zlib";
import { unzipSync } from "fflate";

/**
 * A compound file of version 3 (512-byte sectors): sector 0 is the FAT, sector 1 the directory
 * with the root and the two streams of an encrypted Office document (their contents left empty:
 * what tells it apart is the container and the streams' names).
 */
export function passwordProtectedWorkbook(): Buffer {
  const header = Buffer.alloc(512, 0);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x003e, 24); // minor version
  header.writeUInt16LE(0x0003, 26); // major version 3
  header.writeUInt16LE(0xfffe, 28); // byte order
  header.writeUInt16LE(9, 30); // sector shift: 512
  header.writeUInt16LE(6, 32); // mini sector shift: 64
  header.writeUInt32LE(1, 44); // FAT sectors
  header.writeUInt32LE(1, 48); // first directory sector
  header.writeUInt32LE(4096, 56); // mini stream cutoff
  header.writeUInt32LE(0xfffffffe, 60); // no mini FAT
  header.writeUInt32LE(0xfffffffe, 68); // no DIFAT sectors
  for (let i = 0; i < 109; i++) header.writeUInt32LE(i === 0 ? 0 : 0xffffffff, 76 + i * 4);
  const fat = Buffer.alloc(512, 0xff);
  fat.writeUInt32LE(0xfffffffd, 0); // sector 0: the FAT itself
  fat.writeUInt32LE(0xfffffffe, 4); // sector 1: the directory, one sector
  const directory = Buffer.alloc(512, 0);
  const entry = (index: number, name: string, type: number, right: number, child: number) => {
    const at = index * 128;
    directory.write(`${name}\0`, at, "utf16le");
    directory.writeUInt16LE((name.length + 1) * 2, at + 64);
    directory.writeUInt8(type, at + 66);
    directory.writeUInt8(1, at + 67); // black
    directory.writeUInt32LE(0xffffffff, at + 68); // left sibling
    directory.writeUInt32LE(right, at + 72);
    directory.writeUInt32LE(child, at + 76);
    directory.writeUInt32LE(0xfffffffe, at + 116); // start sector: none (empty)
  };
  entry(0, "Root Entry", 5, 0xffffffff, 1);
  entry(1, "EncryptionInfo", 2, 2, 0xffffffff);
  entry(2, "EncryptedPackage", 2, 0xffffffff, 0xffffffff);
  for (let i = 3; i < 4; i++) {
    directory.writeUInt32LE(0xffffffff, i * 128 + 68);
    directory.writeUInt32LE(0xffffffff, i * 128 + 72);
    directory.writeUInt32LE(0xffffffff, i * 128 + 76);
  }
  return Buffer.concat([header, fat, directory]);
}

/** The traditional PKWARE cipher's three keys, updated by each plain byte. */
class ZipCrypto {
  private keys = [0x12345678, 0x23456789, 0x34567890];

  constructor(password: string) {
    for (const byte of Buffer.from(password, "latin1")) this.update(byte);
  }

  private static crcByte(crc: number, byte: number): number {
    // One byte of CRC-32 on a running value (not pre/post inverted, as the cipher uses it).
    let c = (crc ^ byte) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return (c ^ (crc >>> 8)) >>> 0;
  }

  private update(byte: number): void {
    this.keys[0] = ZipCrypto.crcByte(this.keys[0], byte);
    this.keys[1] = (Math.imul((this.keys[1] + (this.keys[0] & 0xff)) >>> 0, 134775813) + 1) >>> 0;
    this.keys[2] = ZipCrypto.crcByte(this.keys[2], this.keys[1] >>> 24);
  }

  encrypt(plain: Uint8Array): Buffer {
    const out = Buffer.alloc(plain.length);
    plain.forEach((byte, i) => {
      const temp = (this.keys[2] | 2) & 0xffff;
      out[i] = byte ^ ((Math.imul(temp, temp ^ 1) >>> 8) & 0xff);
      this.update(byte);
    });
    return out;
  }
}

/** A zip of `parts`, each stored (not deflated) and encrypted with ZipCrypto under `password`. */
export function zipCryptoArchive(parts: Record<string, Uint8Array>, password = "matkhau"): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of Object.entries(parts)) {
    const crc = crc32(data) >>> 0;
    const cipher = new ZipCrypto(password);
    // The 12-byte encryption header: random, its last byte the CRC's high byte (the password check).
    const head = Buffer.alloc(12, 0x5a);
    head[11] = crc >>> 24;
    const body = Buffer.concat([cipher.encrypt(head), cipher.encrypt(data)]);
    const nameBytes = Buffer.from(name, "utf8");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0001 | 0x0800, 6); // encrypted, UTF-8 names
    local.writeUInt16LE(0, 8); // stored
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0001 | 0x0800, 8);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, body);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(parts).length, 8);
  end.writeUInt16LE(Object.keys(parts).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** A real workbook's parts, every one encrypted with ZipCrypto (as `zip -e` would). */
export function zipCryptoWorkbook(workbookBytes: Uint8Array): Buffer {
  return zipCryptoArchive(unzipSync(workbookBytes));
}
