// An xlsx or ods is a zip: a 2 MB file can declare gigabytes once unpacked (a "zip bomb"), and SheetJS inflates every
// part before it answers. The zip's central directory (at the end of the file, read without inflating anything) lists
// each part's unpacked size: an archive declaring more than the limit in all is refused before SheetJS sees it. The
// sheet's cell count is checked once parsed, before the rows are built.
//
// Format: PKWARE APPNOTE.TXT 4.3.12 (central directory header), 4.3.14-4.3.16 (zip64 end of central directory),
// 4.5.3 (zip64 extended information extra field).

import { ReadError } from './read-error';

export const WORKBOOK_LIMITS = {
  /** Bytes of all parts of the archive once unpacked. */
  unpackedBytes: 200_000_000,
  /** Cells of the sheet read (rows × columns of its range). */
  cells: 2_000_000,
};

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

const mb = (n: number): string => `${Math.round(n / 1_000_000).toLocaleString('en-US')} MB`;

/** The sum of the unpacked sizes the central directory declares, or null when it cannot be found (SheetJS then
 *  reports the damaged file as it always did). */
export function declaredUnpackedBytes(bytes: Uint8Array): number | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u32 = (at: number) => view.getUint32(at, true);
  const u16 = (at: number) => view.getUint16(at, true);
  const u64 = (at: number) => u32(at) + u32(at + 4) * 2 ** 32;
  let eocd = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (u32(at) === EOCD) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) return null;
  let entries = u16(eocd + 10);
  let offset = u32(eocd + 16);
  if ((entries === 0xffff || offset === 0xffffffff) && eocd >= 20 && u32(eocd - 20) === ZIP64_LOCATOR) {
    const record = u64(eocd - 20 + 8);
    if (record + 56 > bytes.length || u32(record) !== ZIP64_EOCD) return null;
    entries = u64(record + 32);
    offset = u64(record + 48);
  }
  let total = 0;
  let at = offset;
  for (let i = 0; i < entries; i++) {
    if (at + 46 > bytes.length || u32(at) !== CENTRAL) return null;
    let size = u32(at + 24);
    const nameLength = u16(at + 28);
    const extraLength = u16(at + 30);
    const commentLength = u16(at + 32);
    if (size === 0xffffffff) {
      // zip64: the real size is the first 8 bytes of the 0x0001 extra field.
      let e = at + 46 + nameLength;
      const end = e + extraLength;
      while (e + 4 <= end && e + 4 <= bytes.length) {
        const id = u16(e);
        const length = u16(e + 2);
        if (id === 0x0001 && length >= 8 && e + 12 <= bytes.length) {
          size = u64(e + 4);
          break;
        }
        e += 4 + length;
      }
    }
    total += size;
    at += 46 + nameLength + extraLength + commentLength;
  }
  return total;
}

/** Refuses, before anything is inflated, an archive that declares more than the limit once unpacked. */
export function checkArchive(bytes: Uint8Array, fileName: string): void {
  if (!isZip(bytes)) return;
  const declared = declaredUnpackedBytes(bytes);
  if (declared === null || declared <= WORKBOOK_LIMITS.unpackedBytes) return;
  throw new ReadError(
    'too-large',
    fileName,
    `"${fileName}" is ${mb(bytes.length) === '0 MB' ? `${Math.ceil(bytes.length / 1000)} KB` : mb(bytes.length)} ` +
      `but declares ${mb(declared)} once unpacked; the import reads at most ${mb(WORKBOOK_LIMITS.unpackedBytes)}. ` +
      `It was not opened. Save the sheet you need as .xlsx or .csv on its own and import that.`,
    { unpacked: String(declared), limit: String(WORKBOOK_LIMITS.unpackedBytes) },
  );
}

/** Refuses a sheet holding more cells than the limit, before its rows are built. The cells SheetJS stored are
 *  counted, not the sheet's declared range: Excel declares A1:XFD1048576 for a sheet formatted by whole columns. */
export function checkCells(
  sheet: { rows: number; columns: number; cells: number },
  sheetName: string,
  fileName: string,
): void {
  const { rows, columns, cells } = sheet;
  if (cells <= WORKBOOK_LIMITS.cells) return;
  const n = (x: number) => x.toLocaleString('en-US');
  throw new ReadError(
    'too-large',
    fileName,
    `The sheet "${sheetName}" of "${fileName}" holds ${n(cells)} cells (${n(rows)} rows, up to ${n(columns)} columns); ` +
      `the import reads at most ${n(WORKBOOK_LIMITS.cells)} cells. Delete the empty rows and columns past the data, ` +
      `or save the part you need as .csv, and import that.`,
    { cells: String(cells), limit: String(WORKBOOK_LIMITS.cells) },
  );
}
