// ContentService: what a web app's doGet/doPost returns when it answers text (JSON, CSV, plain text) rather than a
// page. https://developers.google.com/apps-script/reference/content/content-service ,
// https://developers.google.com/apps-script/guides/content
//
// - `createTextOutput()` starts empty; the default MIME type is plain text (`ContentService.MimeType.TEXT`).
// - Building an output is local: no round trip, so nothing here is a counted service call.
// - `downloadAsFile(name)` makes the browser save the content (Content-Disposition attachment).
// The web-app side (how the output is served, including the redirect to script.googleusercontent.com) lives in
// ../urlfetch/network.ts.

import { Emulated, enumOf, member, signatureMismatch } from './emulated';

type MimeTypeName = keyof typeof GoogleAppsScript.Content.MimeType;

const MIME_NAMES: readonly MimeTypeName[] = [
  'ATOM',
  'CSV',
  'ICAL',
  'JAVASCRIPT',
  'JSON',
  'RSS',
  'TEXT',
  'VCARD',
  'XML',
];

/** The Content-Type each enum member is served with (the names are Google's; the types are the usual IANA ones). */
export const MIME_CONTENT_TYPE: Record<MimeTypeName, string> = {
  ATOM: 'application/atom+xml',
  CSV: 'text/csv',
  ICAL: 'text/calendar',
  JAVASCRIPT: 'application/javascript',
  JSON: 'application/json',
  RSS: 'application/rss+xml',
  TEXT: 'text/plain',
  VCARD: 'text/vcard',
  XML: 'text/xml',
};

function isMimeName(v: unknown): v is MimeTypeName {
  return typeof v === 'string' && (MIME_NAMES as readonly string[]).includes(v);
}

type TextOutputApi = Emulated<
  GoogleAppsScript.Content.TextOutput,
  'append' | 'clear' | 'downloadAsFile' | 'getContent' | 'getFileName' | 'getMimeType' | 'setContent' | 'setMimeType'
>;

export class TextOutput implements TextOutputApi {
  #content: string;
  #mime: MimeTypeName = 'TEXT';
  #fileName: string | null = null;

  constructor(content: string) {
    this.#content = content;
  }

  /** Host side (the web-app server): the Content-Type the output is served with. */
  static contentTypeOf(output: TextOutput): string {
    return MIME_CONTENT_TYPE[output.#mime];
  }

  append(addedContent: string): this {
    if (typeof addedContent !== 'string') throw signatureMismatch('TextOutput.append', [addedContent]);
    this.#content += addedContent;
    return this;
  }

  clear(): this {
    this.#content = '';
    return this;
  }

  downloadAsFile(filename: string): this {
    if (typeof filename !== 'string') throw signatureMismatch('TextOutput.downloadAsFile', [filename]);
    this.#fileName = filename;
    return this;
  }

  getContent(): string {
    return this.#content;
  }

  /** null until downloadAsFile (UNVERIFIED: Google documents "the file name ... or null if it is not a download"). */
  getFileName(): string {
    return this.#fileName as string;
  }

  getMimeType(): GoogleAppsScript.Content.MimeType {
    return member<GoogleAppsScript.Content.MimeType>(this.#mime);
  }

  setContent(content: string): this {
    if (typeof content !== 'string') throw signatureMismatch('TextOutput.setContent', [content]);
    this.#content = content;
    return this;
  }

  setMimeType(mimeType: GoogleAppsScript.Content.MimeType): this {
    if (!isMimeName(mimeType)) throw signatureMismatch('TextOutput.setMimeType', [mimeType]);
    this.#mime = mimeType;
    return this;
  }
}

type ContentServiceApi = Emulated<GoogleAppsScript.Content.ContentService, 'MimeType' | 'createTextOutput'>;

class ContentServiceEmulation implements ContentServiceApi {
  readonly MimeType = enumOf<typeof GoogleAppsScript.Content.MimeType>(MIME_NAMES);

  createTextOutput(content?: string): TextOutput {
    if (content !== undefined && typeof content !== 'string')
      throw signatureMismatch('ContentService.createTextOutput', [content]);
    return new TextOutput(content ?? '');
  }
}

export function createContentService(): ContentServiceEmulation {
  return new ContentServiceEmulation();
}
