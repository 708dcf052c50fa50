import { readFileSync, statSync } from 'node:fs';
import type { Position } from './diagnostics.ts';

/** Element files larger than this are refused rather than parsed. */
export const MAX_ELEMENT_BYTES = 1024 * 1024;

export type ReadResult =
  | { readonly ok: true; readonly text: string }
  | {
      readonly ok: false;
      readonly code: 'invalid-encoding' | 'file-too-large' | 'unreadable-file';
      readonly at: Position;
      readonly message: string;
    };

const fatalDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Reads a file as UTF-8 text. A UTF-8 byte-order mark is dropped; UTF-16, NUL bytes and
 * invalid byte sequences are refused with the position of the first bad byte.
 */
export function readText(absolute: string, maxBytes = MAX_ELEMENT_BYTES, what = 'element files'): ReadResult {
  let bytes: Buffer;
  try {
    const size = statSync(absolute).size;
    if (size > maxBytes) {
      return {
        ok: false,
        code: 'file-too-large',
        at: { line: 1, column: 1 },
        message: `file is ${formatBytes(size)}; ${what} may be at most ${formatBytes(maxBytes)}`,
      };
    }
    bytes = readFileSync(absolute);
  } catch (error) {
    return {
      ok: false,
      code: 'unreadable-file',
      at: { line: 1, column: 1 },
      message: `file cannot be read (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`,
    };
  }
  return decodeText(bytes);
}

export function decodeText(bytes: Uint8Array): ReadResult {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, code: 'invalid-encoding', at: { line: 1, column: 1 }, message: 'file is UTF-16 text; save it as UTF-8' };
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    return {
      ok: false,
      code: 'invalid-encoding',
      at: positionOfByte(bytes, nul),
      message: 'file holds a NUL byte; it looks binary, not text',
    };
  }
  try {
    return { ok: true, text: fatalDecoder.decode(bytes) };
  } catch {
    const bad = firstInvalidUtf8(bytes);
    return {
      ok: false,
      code: 'invalid-encoding',
      at: positionOfByte(bytes, bad),
      message: `file is not valid UTF-8 (byte 0x${bytes[bad]!.toString(16).padStart(2, '0')} at offset ${bad})`,
    };
  }
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const len = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (len === 0 || i + len > bytes.length) return i;
    try {
      fatalDecoder.decode(bytes.subarray(i, i + len));
    } catch {
      return i;
    }
    i += len;
  }
  return Math.max(0, bytes.length - 1);
}

/** 1-based line and column (in characters) of a byte offset in a file of bytes. */
function positionOfByte(bytes: Uint8Array, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  const prefix = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, offset));
  return { line, column: [...prefix].length + 1 };
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MiB` : `${Math.ceil(n / 1024)} KiB`;
}
