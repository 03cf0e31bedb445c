// A Drive file as the office names it in Settings (offerTemplate, invoiceTemplate) or as an event's Document cell
// holds it: a bare id, or the address the browser shows for a Doc, a Sheet or a Drive file.

const ID = /^[A-Za-z0-9_-]{10,}$/;

/** The file id, or undefined when the text names no file. */
export function driveFileId(text: string): string | undefined {
  const value = String(text ?? '').trim();
  if (value === '') return undefined;
  if (ID.test(value)) return value;
  const path = /\/d\/([A-Za-z0-9_-]{10,})/.exec(value);
  if (path) return path[1];
  const param = /[?&]id=([A-Za-z0-9_-]{10,})/.exec(value);
  return param ? param[1] : undefined;
}

/** The link an event keeps to its PDF: Drive's viewer (opens for anyone the file is shared with). */
export function driveFileUrl(id: string): string {
  return `https://drive.google.com/file/d/${encodeURIComponent(id)}/view`;
}
