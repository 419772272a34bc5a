/**
 * Node's native zlib as the zip reader's inflater (Node only; the pane uses fflate's):
 * `maxOutputLength` stops a stream the moment it holds more than its entry declares, so a part
 * lying about its size costs nothing, however large it claims to be (fflate's one-call inflate
 * would decode it to its end), and a large part inflates faster than in JavaScript.
 */
import * as zlib from "zlib";
import { crc32 as crc32InJs, type Inflater } from "../zip/zipArchive";

/** The largest output chunk inflated at once (bytes). */
const ONE_CHUNK = 1024 * 1024;

export const nativeInflater: Inflater = {
  inflate(raw, size) {
    try {
      // Output in one chunk of the declared size when that is modest (no chunks to join after),
      // at most 1 MB at a time, so a part claiming a huge size reserves nothing up front.
      return zlib.inflateRawSync(raw, {
        maxOutputLength: Math.max(size, 1),
        chunkSize: Math.min(Math.max(size + 1, zlib.constants.Z_MIN_CHUNK), ONE_CHUNK),
      });
    } catch (error) {
      if ((error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") return undefined;
      throw error;
    }
  },
  // zlib.crc32 came in Node 20.15 and 22.2; before, the JavaScript one.
  crc32: typeof zlib.crc32 === "function" ? (data) => zlib.crc32(data) : crc32InJs,
};
