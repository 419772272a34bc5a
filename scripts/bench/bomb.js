/**
 * A zip bomb against the plain sample (issue 20): the sample workbook with one more part, not
 * ours and referenced by nothing, of 1 GiB of zeros (about 1 MB compressed, generated here: one
 * MiB of zeros deflated with a sync flush and the block repeated). `check` and `install` run on
 * both as a user runs them (a fresh node each, peak memory measured); the goal is no more than
 * 1.5× the sample's peak memory, since a part a command does not need is never inflated and is
 * copied as its compressed bytes.
 */
"use strict";

const fs = require("fs");
const os = require("os");
const path = require("path");
const zlib = require("zlib");
const { root, runNode } = require("./process-harness");

const RUNS = 3;
const GIB_IN_MIB = 1024;
const bin = path.join(root, "bin", "cchc.js");

/** The entries of a zip file: name, method, CRC, sizes and compressed bytes, as stored. */
function rawEntries(zip) {
  let end = zip.length - 22;
  while (zip.readUInt32LE(end) !== 0x06054b50) end--;
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries = [];
  for (let i = 0; i < count; i++) {
    const nameLength = zip.readUInt16LE(at + 28);
    const local = zip.readUInt32LE(at + 42);
    const compressed = zip.readUInt32LE(at + 20);
    const dataAt = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    entries.push({
      name: zip.toString("utf8", at + 46, at + 46 + nameLength),
      method: zip.readUInt16LE(at + 10),
      crc: zip.readUInt32LE(at + 16),
      size: zip.readUInt32LE(at + 24),
      data: zip.subarray(dataAt, dataAt + compressed),
    });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries.filter((e) => !e.name.endsWith("/"));
}

/** `mib` MiB of zeros as a deflate stream, and its CRC, without ever holding them. */
function zeros(mib) {
  const block = Buffer.alloc(1024 * 1024);
  const flushed = zlib.deflateRawSync(block, { finishFlush: zlib.constants.Z_SYNC_FLUSH, level: 9 });
  let crc = 0;
  for (let i = 0; i < mib; i++) crc = zlib.crc32(block, crc);
  const data = Buffer.concat([...Array.from({ length: mib }, () => flushed), Buffer.from([0x03, 0x00])]);
  return { data, crc, size: mib * 1024 * 1024 };
}

/** A zip file of these entries (UTF-8 names, no data descriptors). */
function buildZip(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(0x00210000, 10);
    local.writeUInt32LE(e.crc, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x800, 8);
    central.writeUInt16LE(e.method, 10);
    central.writeUInt32LE(0x00210000, 12);
    central.writeUInt32LE(e.crc, 16);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(e.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.data);
    centrals.push(central, name);
    offset += 30 + name.length + e.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Median peak memory (MB) and time of `args` run RUNS times, each on a fresh copy of `file`. */
function peak(command, file, dir) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    const copy = path.join(dir, `run-${path.basename(file)}`);
    fs.copyFileSync(file, copy);
    runs.push(runNode([bin, command, copy]));
  }
  return { mb: median(runs.map((r) => r.mb)), ms: median(runs.map((r) => r.ms)) };
}

module.exports = {
  title: `A 1 GiB zip bomb in an unused part vs the plain sample, whole process (median of ${RUNS}; goal ≤ 1.5× memory)`,
  run() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-bench-bomb-"));
    try {
      const plain = path.join(dir, "mau.xlsx");
      runNode([bin, "template", "-o", plain, "--sample"]);
      const bomb = path.join(dir, "bom.xlsx");
      const payload = zeros(GIB_IN_MIB);
      fs.writeFileSync(
        bomb,
        buildZip([
          ...rawEntries(fs.readFileSync(plain)),
          { name: "xl/media/bom.bin", method: 8, ...payload },
        ]),
      );
      console.log(
        `  bomb: ${(fs.statSync(bomb).size / 1e6).toFixed(1)} MB on disk, ${GIB_IN_MIB} MiB inflated` +
          ` (sample ${(fs.statSync(plain).size / 1e3).toFixed(0)} KB)`,
      );
      for (const command of ["check", "install"]) {
        const base = peak(command, plain, dir);
        const hostile = peak(command, bomb, dir);
        console.log(
          `  cchc ${command.padEnd(8)} bomb ${hostile.mb.toFixed(0).padStart(5)} MB ${hostile.ms.toFixed(0).padStart(6)} ms` +
            `   sample ${base.mb.toFixed(0).padStart(5)} MB ${base.ms.toFixed(0).padStart(6)} ms` +
            `   ${(hostile.mb / base.mb).toFixed(2)}× memory`,
        );
      }
      const installed = path.join(dir, "run-bom.xlsx");
      console.log(`  workbook written by install: ${(fs.statSync(installed).size / 1e6).toFixed(1)} MB`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};
