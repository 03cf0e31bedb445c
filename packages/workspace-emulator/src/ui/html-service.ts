// HtmlService: the HTML files pushed with the project, as HtmlOutput objects a sidebar or dialog can show.
// https://developers.google.com/apps-script/reference/html/html-service
//
// Creating an output or a template is a counted call (`HtmlService.<method>`); HtmlOutput's setters and getters only
// change the object the script holds. Consumers (the SpreadsheetApp Ui host) read an output only through getContent()
// and getTitle().
//
// Wording: "No HTML file named X was found." is what Apps Script throws for a missing file, quoted in many public
// READMEs and troubleshooting notes ("Exception: No HTML file named Index was found."). A name with the `.html`
// extension is refused the same way: Google's samples always pass the bare name and the editor adds `.html` itself.

import { ServiceContext } from '../context';
import { GasException } from '../errors';
import { Emulated, enumOf, signatureMismatch } from '../script/emulated';
import { escapeHtml, evaluateTemplate } from './html-template';
import { PAYLOAD_LIMITS } from '../limits';
import { utf8Bytes } from '../wire-size';

export { escapeHtml };

type SandboxModeName = 'EMULATED' | 'IFRAME' | 'NATIVE';
type XFrameOptionsModeName = 'ALLOWALL' | 'DEFAULT';

const SANDBOX_MODES: readonly SandboxModeName[] = ['EMULATED', 'IFRAME', 'NATIVE'];
const XFRAME_MODES: readonly XFrameOptionsModeName[] = ['ALLOWALL', 'DEFAULT'];

/**
 * "Only the following meta tags are allowed": HtmlOutput.addMetaTag in the reference. What Google throws for another
 * name is not documented; "Invalid argument: name" follows Apps Script's usual sentence (UNVERIFIED).
 */
const ALLOWED_META_TAGS = [
  'apple-mobile-web-app-capable',
  'google-site-verification',
  'mobile-web-app-capable',
  'viewport',
];

function requireString(value: unknown, method: string, args: readonly unknown[]): string {
  if (typeof value !== 'string') throw signatureMismatch(method, args);
  return value;
}

function requireInteger(value: unknown, method: string, args: readonly unknown[]): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) throw signatureMismatch(method, args);
  return value;
}

export class HtmlOutputMetaTag implements Emulated<GoogleAppsScript.HTML.HtmlOutputMetaTag, 'getName' | 'getContent'> {
  constructor(
    private readonly name: string,
    private readonly content: string,
  ) {}

  getName(): string {
    return this.name;
  }

  getContent(): string {
    return this.content;
  }
}

type HtmlOutputApi = Emulated<
  GoogleAppsScript.HTML.HtmlOutput,
  | 'getContent'
  | 'setContent'
  | 'append'
  | 'appendUntrusted'
  | 'clear'
  | 'getTitle'
  | 'setTitle'
  | 'getWidth'
  | 'setWidth'
  | 'getHeight'
  | 'setHeight'
  | 'setXFrameOptionsMode'
  | 'setSandboxMode'
  | 'addMetaTag'
  | 'getMetaTags'
  | 'setFaviconUrl'
  | 'getFaviconUrl'
>;

/**
 * An output's content within limits.ts's htmlOutputBytes. UNVERIFIED figure and wording: Google publishes no size
 * limit for an HtmlOutput; ours is low on purpose, and the sentence says what is too big.
 */
function sized(content: string): string {
  const bytes = utf8Bytes(content);
  const max = PAYLOAD_LIMITS.htmlOutputBytes.value;
  if (bytes > max)
    throw new GasException(`The HTML output is ${bytes} bytes; the emulator allows no more than ${max}.`);
  return content;
}

export class HtmlOutput implements HtmlOutputApi {
  #content: string;
  #title = '';
  // UNVERIFIED: the defaults Google reports before setWidth/setHeight; sidebars ignore both (fixed 300 px).
  #width = 0;
  #height = 0;
  #faviconUrl = '';
  #xFrameOptionsMode: XFrameOptionsModeName = 'DEFAULT';
  #sandboxMode: SandboxModeName = 'IFRAME';
  readonly #metaTags: HtmlOutputMetaTag[] = [];

  constructor(content: string) {
    this.#content = sized(content);
  }

  getContent(): string {
    return this.#content;
  }

  setContent(content: string): this {
    this.#content = sized(requireString(content, 'HtmlService.HtmlOutput.setContent', [content]));
    return this;
  }

  append(addedContent: string): this {
    this.#content = sized(this.#content + requireString(addedContent, 'HtmlService.HtmlOutput.append', [addedContent]));
    return this;
  }

  /** "Appends new content … using contextual escaping": text lands as text, never as markup. */
  appendUntrusted(addedContent: string): this {
    const added = requireString(addedContent, 'HtmlService.HtmlOutput.appendUntrusted', [addedContent]);
    this.#content = sized(this.#content + escapeHtml(added));
    return this;
  }

  clear(): this {
    this.#content = '';
    return this;
  }

  getTitle(): string {
    return this.#title;
  }

  setTitle(title: string): this {
    this.#title = requireString(title, 'HtmlService.HtmlOutput.setTitle', [title]);
    return this;
  }

  getWidth(): number {
    return this.#width;
  }

  setWidth(width: number): this {
    this.#width = requireInteger(width, 'HtmlService.HtmlOutput.setWidth', [width]);
    return this;
  }

  getHeight(): number {
    return this.#height;
  }

  setHeight(height: number): this {
    this.#height = requireInteger(height, 'HtmlService.HtmlOutput.setHeight', [height]);
    return this;
  }

  setXFrameOptionsMode(mode: GoogleAppsScript.HTML.XFrameOptionsMode): this {
    const name = String(mode) as XFrameOptionsModeName;
    if (!XFRAME_MODES.includes(name)) throw signatureMismatch('HtmlService.HtmlOutput.setXFrameOptionsMode', [mode]);
    this.#xFrameOptionsMode = name;
    return this;
  }

  /** Only IFRAME exists since NATIVE and EMULATED were sunset; setting a mode "now has no effect" (SandboxMode). */
  setSandboxMode(mode: GoogleAppsScript.HTML.SandboxMode): this {
    const name = String(mode) as SandboxModeName;
    if (!SANDBOX_MODES.includes(name)) throw signatureMismatch('HtmlService.HtmlOutput.setSandboxMode', [mode]);
    this.#sandboxMode = 'IFRAME';
    return this;
  }

  addMetaTag(name: string, content: string): this {
    requireString(name, 'HtmlService.HtmlOutput.addMetaTag', [name, content]);
    requireString(content, 'HtmlService.HtmlOutput.addMetaTag', [name, content]);
    if (!ALLOWED_META_TAGS.includes(name)) throw new GasException('Invalid argument: name');
    this.#metaTags.push(new HtmlOutputMetaTag(name, content));
    return this;
  }

  getMetaTags(): HtmlOutputMetaTag[] {
    return this.#metaTags.slice();
  }

  setFaviconUrl(iconUrl: string): this {
    this.#faviconUrl = requireString(iconUrl, 'HtmlService.HtmlOutput.setFaviconUrl', [iconUrl]);
    return this;
  }

  getFaviconUrl(): string {
    return this.#faviconUrl;
  }

  /** For the emulator's hosts and tests: what a page served from this output would be framed and sandboxed as. */
  describeFraming(): { xFrameOptionsMode: XFrameOptionsModeName; sandboxMode: SandboxModeName } {
    return { xFrameOptionsMode: this.#xFrameOptionsMode, sandboxMode: this.#sandboxMode };
  }
}

/**
 * A template: scriptlets are evaluated by `evaluate()` with the template's own properties as variables (see
 * html-template.ts for what is and is not emulated).
 */
export class HtmlTemplate {
  readonly #ctx: ServiceContext;
  readonly #source: string;

  constructor(ctx: ServiceContext, source: string) {
    this.#ctx = ctx;
    this.#source = source;
  }

  getRawContent(): string {
    return this.#source;
  }

  evaluate(): HtmlOutput {
    const vars: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(this)) vars[k] = v;
    return this.#ctx.call(
      'HtmlService.HtmlTemplate.evaluate',
      () => new HtmlOutput(evaluateTemplate(this.#source, vars)),
    );
  }
}

type HtmlServiceApi = Emulated<GoogleAppsScript.HTML.HtmlService, 'createHtmlOutputFromFile'>;

class HtmlServiceEmulation implements HtmlServiceApi {
  readonly SandboxMode = enumOf<typeof GoogleAppsScript.HTML.SandboxMode>(SANDBOX_MODES);
  readonly XFrameOptionsMode = enumOf<typeof GoogleAppsScript.HTML.XFrameOptionsMode>(XFRAME_MODES);
  readonly #ctx: ServiceContext;
  readonly #files: Record<string, string>;

  constructor(ctx: ServiceContext, files: Record<string, string>) {
    this.#ctx = ctx;
    this.#files = files;
  }

  #file(method: string, filename: unknown): string {
    const name = requireString(filename, `HtmlService.${method}`, [filename]);
    if (!Object.prototype.hasOwnProperty.call(this.#files, name))
      throw new GasException(`No HTML file named ${name} was found.`);
    return this.#files[name];
  }

  createHtmlOutput(html?: string): HtmlOutput {
    if (html !== undefined && typeof html !== 'string') throw signatureMismatch('HtmlService.createHtmlOutput', [html]);
    return this.#ctx.call('HtmlService.createHtmlOutput', () => new HtmlOutput(html ?? ''));
  }

  createHtmlOutputFromFile(filename: string): HtmlOutput {
    return this.#ctx.call(
      'HtmlService.createHtmlOutputFromFile',
      () => new HtmlOutput(this.#file('createHtmlOutputFromFile', filename)),
    );
  }

  createTemplate(html: string): HtmlTemplate {
    const source = requireString(html, 'HtmlService.createTemplate', [html]);
    return this.#ctx.call('HtmlService.createTemplate', () => new HtmlTemplate(this.#ctx, source));
  }

  createTemplateFromFile(filename: string): HtmlTemplate {
    return this.#ctx.call(
      'HtmlService.createTemplateFromFile',
      () => new HtmlTemplate(this.#ctx, this.#file('createTemplateFromFile', filename)),
    );
  }
}

export function createHtmlService(ctx: ServiceContext, htmlFiles: Record<string, string>): HtmlServiceEmulation {
  return new HtmlServiceEmulation(ctx, htmlFiles);
}
