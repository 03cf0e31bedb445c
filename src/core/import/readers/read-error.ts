// A problem with the file as a whole that the person importing can fix (re-save it, remove a password, pick a sheet).
// `code` and `params` let a sidebar show the message in the office's language; `message` is plain English.

export type ReadErrorCode =
  | 'empty'
  | 'password'
  | 'unreadable'
  | 'no-header'
  | 'no-sheet'
  | 'unknown-encoding'
  | 'unknown-format'
  | 'no-vcard'
  | 'too-large';

export class ReadError extends Error {
  readonly code: ReadErrorCode;
  readonly fileName: string;
  readonly params: Record<string, string>;

  constructor(code: ReadErrorCode, fileName: string, message: string, params: Record<string, string> = {}) {
    super(message);
    this.name = 'ReadError';
    this.code = code;
    this.fileName = fileName;
    this.params = params;
    // Down-levelled classes that extend Error lose their prototype without this (core targets ES2019 but bundlers vary).
    Object.setPrototypeOf(this, ReadError.prototype);
  }
}

/** The encoding the person chose (or the file declared) is not one the readers know. */
export function unknownEncoding(fileName: string, encoding: string | undefined): ReadError {
  return new ReadError(
    'unknown-encoding',
    fileName,
    `Unknown encoding "${encoding}" for "${fileName}": choose UTF-8, UTF-16 or Windows-1251.`,
    { encoding: encoding ?? '' },
  );
}
