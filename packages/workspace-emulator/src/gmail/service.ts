// GmailApp as a Gmail add-on uses it (the message it was opened on), and MailApp for sending, over the account's
// GmailStore. Every method that reaches Google is a counted call (`GmailApp.<…>`, `MailApp.<…>`).
//
// Per-message access: an add-on holding only the `gmail.addons.current.message.*` scopes must hand GmailApp the
// event's token before reading the message: `GmailApp.setCurrentMessageAccessToken(e.gmail.accessToken)`
// (https://developers.google.com/apps-script/reference/gmail/gmail-app#setCurrentMessageAccessToken(String)). The
// emulator always requires it (our add-on has no broader Gmail scope), per execution, and only for the message the
// token was issued for. Wording of the refusal: "Access denied: : Missing access token for per message scope
// authorization. Use GmailApp.setCurrentMessageAccessToken(String) method to provide the access token." is quoted in
// public reports of this mistake; the "Access denied: : <reason>" shape matches "Access denied: : Expired access
// token." in odoo/mail-client-extensions#44. A token for another message gets the same sentence (UNVERIFIED).

import { ServiceContext } from '../context';
import { GasException } from '../errors';
import { Emulated, signatureMismatch } from '../script/emulated';
import { Blob } from '../script/blob';
import { GmailStore, MAIL_LIMITS, MessageRecord, SentAttachment, SentRecord } from './store';

export { GmailStore, MAIL_LIMITS } from './store';
export type { MessageRecord, SentAttachment, SentRecord } from './store';

export const MISSING_MESSAGE_TOKEN =
  'Access denied: : Missing access token for per message scope authorization. Use GmailApp.setCurrentMessageAccessToken(String) method to provide the access token.';

/** "Service invoked too many times for one day: email." is Apps Script's daily-quota sentence for mail, widely quoted. */
export const MAIL_QUOTA = 'Service invoked too many times for one day: email.';

type GmailThreadApi = Emulated<GoogleAppsScript.Gmail.GmailThread, 'getId' | 'getFirstMessageSubject'>;

class GmailThread implements GmailThreadApi {
  readonly #store: GmailStore;
  readonly #ctx: ServiceContext;
  readonly #id: string;

  constructor(store: GmailStore, ctx: ServiceContext, id: string) {
    this.#store = store;
    this.#ctx = ctx;
    this.#id = id;
  }

  getId(): string {
    return this.#id;
  }

  getFirstMessageSubject(): string {
    return this.#ctx.call('GmailApp.GmailThread.getFirstMessageSubject', () => {
      const first = this.#store
        .inbox()
        .filter((m) => m.threadId === this.#id)
        .sort((a, b) => a.date - b.date)[0];
      return first?.subject ?? '';
    });
  }
}

type GmailMessageApi = Emulated<
  GoogleAppsScript.Gmail.GmailMessage,
  | 'getId'
  | 'getFrom'
  | 'getTo'
  | 'getCc'
  | 'getReplyTo'
  | 'getSubject'
  | 'getDate'
  | 'getPlainBody'
  | 'getBody'
  | 'getThread'
>;

class GmailMessage implements GmailMessageApi {
  readonly #store: GmailStore;
  readonly #ctx: ServiceContext;
  readonly #id: string;

  constructor(store: GmailStore, ctx: ServiceContext, id: string) {
    this.#store = store;
    this.#ctx = ctx;
    this.#id = id;
  }

  #read<T>(method: string, fn: (m: MessageRecord) => T): T {
    return this.#ctx.call(`GmailApp.GmailMessage.${method}`, () => {
      const m = this.#store.message(this.#id);
      // UNVERIFIED: Google's wording for a message deleted since it was fetched.
      if (!m) throw new GasException('Invalid argument: id');
      return fn(m);
    });
  }

  /** Known from the fetch itself: no round trip. */
  getId(): string {
    return this.#id;
  }

  getFrom(): string {
    return this.#read('getFrom', (m) => m.from);
  }

  getTo(): string {
    return this.#read('getTo', (m) => m.to);
  }

  getCc(): string {
    return this.#read('getCc', (m) => m.cc);
  }

  getReplyTo(): string {
    return this.#read('getReplyTo', (m) => m.replyTo);
  }

  getSubject(): string {
    return this.#read('getSubject', (m) => m.subject);
  }

  getDate(): Date {
    return this.#read('getDate', (m) => new Date(m.date));
  }

  getPlainBody(): string {
    return this.#read('getPlainBody', (m) => m.plainBody);
  }

  getBody(): string {
    return this.#read('getBody', (m) => m.htmlBody ?? m.plainBody);
  }

  getThread(): GmailThread {
    return this.#read('getThread', (m) => new GmailThread(this.#store, this.#ctx, m.threadId));
  }
}

type GmailAppApi = Emulated<GoogleAppsScript.Gmail.GmailApp, 'setCurrentMessageAccessToken' | 'getMessageById'>;

class GmailAppEmulation implements GmailAppApi {
  readonly #store: GmailStore;
  readonly #ctx: ServiceContext;
  /** The token each execution set: Apps Script starts every execution with none. */
  readonly #tokens = new WeakMap<object, string>();
  readonly #outsideRuns = {};

  constructor(store: GmailStore, ctx: ServiceContext) {
    this.#store = store;
    this.#ctx = ctx;
  }

  #run(): object {
    return this.#ctx.execution ?? this.#outsideRuns;
  }

  /** Local to the execution: Gmail checks the token when a message is read, not when it is set. */
  setCurrentMessageAccessToken(accessToken: string): void {
    if (typeof accessToken !== 'string')
      throw signatureMismatch('GmailApp.setCurrentMessageAccessToken', [accessToken]);
    this.#tokens.set(this.#run(), accessToken);
  }

  getMessageById(id: string): GmailMessage {
    if (typeof id !== 'string') throw signatureMismatch('GmailApp.getMessageById', [id]);
    const token = this.#tokens.get(this.#run());
    return this.#ctx.call(
      'GmailApp.getMessageById',
      () => {
        if (token === undefined || this.#store.tokenMessage(token) !== id)
          throw new GasException(MISSING_MESSAGE_TOKEN);
        // UNVERIFIED: Google's wording for an id that names no message (cannot happen with a valid token here).
        if (!this.#store.message(id)) throw new GasException('Invalid argument: id');
        return new GmailMessage(this.#store, this.#ctx, id);
      },
      { sent: id },
    );
  }
}

export function createGmailApp(store: GmailStore, ctx: ServiceContext): GmailAppEmulation {
  return new GmailAppEmulation(store, ctx);
}

// ---------------------------------------------------------------------------------------------------------------
// MailApp

interface Outgoing {
  attachments?: unknown;
  to: string;
  cc: string;
  bcc: string;
  subject: string;
  body: string;
  htmlBody?: string;
  name?: string;
  replyTo?: string;
}

const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;

/** The bare addresses in a comma-separated recipient list ("Name <a@b.c>, d@e.f"). */
function addressesOf(list: string): string[] {
  return list
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const angle = /<([^>]*)>\s*$/.exec(part);
      return (angle ? angle[1] : part).trim();
    });
}

/** "Invalid email: <address>" is the sentence Apps Script throws for a malformed recipient (community-quoted). */
function requireAddresses(list: string): string[] {
  const out = addressesOf(list);
  for (const a of out) if (!EMAIL.test(a)) throw new GasException(`Invalid email: ${a}`);
  return out;
}

const text = (v: unknown): string => (v === undefined || v === null ? '' : String(v));

function outgoingOf(args: readonly unknown[]): Outgoing {
  const method = 'MailApp.sendEmail';
  const [a, b, c, d] = args;
  if (args.length === 1 || (a && typeof a === 'object')) {
    if (!a || typeof a !== 'object' || Array.isArray(a) || args.length !== 1) throw signatureMismatch(method, args);
    const m = a as GoogleAppsScript.Mail.MailAdvancedParameters;
    return {
      to: text(m.to),
      cc: text(m.cc),
      bcc: text(m.bcc),
      subject: text(m.subject),
      body: text(m.body),
      htmlBody: m.htmlBody,
      name: m.name,
      replyTo: m.replyTo,
      attachments: m.attachments,
    };
  }
  if (typeof a !== 'string' || typeof b !== 'string' || typeof c !== 'string') throw signatureMismatch(method, args);
  if (typeof d === 'string') return { to: a, replyTo: b, subject: c, body: d, cc: '', bcc: '' };
  if (d === undefined || d === null) return { to: a, subject: b, body: c, cc: '', bcc: '' };
  if (typeof d !== 'object' || Array.isArray(d)) throw signatureMismatch(method, args);
  const o = d as GoogleAppsScript.Mail.MailAdvancedParameters;
  return {
    to: a,
    subject: b,
    body: c,
    cc: text(o.cc),
    bcc: text(o.bcc),
    htmlBody: o.htmlBody,
    name: o.name,
    replyTo: o.replyTo,
    attachments: o.attachments,
  };
}

/**
 * options.attachments: BlobSource[] (a Blob, an HTTPResponse, anything with getBlob()). A non-array or an element
 * that is no BlobSource fails in Apps Script's binding (UNVERIFIED sentence: "Invalid argument: attachments"). Limits:
 * 250 a message (quota page) and 25 MB in all (Gmail's): "Limit Exceeded: Email Total Attachments Size." and "Limit
 * Exceeded: Email Attachments Per Message." are the sentences users report (UNVERIFIED). A nameless blob is sent as
 * "untitled" (UNVERIFIED).
 */
function attachmentsOf(value: unknown): SentAttachment[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) throw new GasException('Invalid argument: attachments');
  return value.map((source) => {
    const blob =
      source instanceof Blob
        ? source
        : source && typeof (source as { getBlob?: unknown }).getBlob === 'function'
          ? (source as { getBlob(): unknown }).getBlob()
          : undefined;
    if (!(blob instanceof Blob)) throw new GasException('Invalid argument: attachments');
    const bytes = Blob.octets(blob);
    return {
      name: blob.getName() ?? 'untitled',
      contentType: blob.getContentType() ?? 'application/octet-stream',
      size: bytes.length,
      content: Buffer.from(bytes).toString('base64'),
    };
  });
}

type MailAppApi = Emulated<GoogleAppsScript.Mail.MailApp, 'getRemainingDailyQuota'>;

class MailAppEmulation implements MailAppApi {
  readonly #store: GmailStore;
  readonly #ctx: ServiceContext;

  constructor(store: GmailStore, ctx: ServiceContext) {
    this.#store = store;
    this.#ctx = ctx;
  }

  /** Recipients the account may still mail in the rolling 24 hours (each To, Cc and Bcc address counts). */
  getRemainingDailyQuota(): number {
    return this.#ctx.call('MailApp.getRemainingDailyQuota', () => {
      const q = this.#store.quota;
      return Math.max(0, q.limit - q.used(this.#ctx.clock.now()));
    });
  }

  sendEmail(...args: unknown[]): void {
    const mail = outgoingOf(args);
    const attachments = attachmentsOf(mail.attachments);
    const { attachments: _sources, ...sent } = mail;
    this.#ctx.call(
      'MailApp.sendEmail',
      () => {
        if (attachments && attachments.length > MAIL_LIMITS.attachmentsPerMessage)
          throw new GasException('Limit Exceeded: Email Attachments Per Message.');
        if (attachments && attachments.reduce((n, a) => n + a.size, 0) > MAIL_LIMITS.attachmentBytes)
          throw new GasException('Limit Exceeded: Email Total Attachments Size.');
        const recipients = [...requireAddresses(mail.to), ...requireAddresses(mail.cc), ...requireAddresses(mail.bcc)];
        // "Failed to send email: no recipient" is Apps Script's sentence for an empty To/Cc/Bcc (community-quoted).
        if (recipients.length === 0) throw new GasException('Failed to send email: no recipient');
        if (mail.replyTo) requireAddresses(mail.replyTo);
        // UNVERIFIED wording for the two per-message limits below (community-reported "Limit Exceeded: …" sentences).
        if (recipients.length > MAIL_LIMITS.recipientsPerMessage)
          throw new GasException('Limit Exceeded: Email Recipients Per Message.');
        const bodyBytes = Buffer.byteLength(mail.body, 'utf8') + Buffer.byteLength(mail.htmlBody ?? '', 'utf8');
        if (bodyBytes > MAIL_LIMITS.bodyBytes) throw new GasException('Limit Exceeded: Email Body Size.');
        const now = this.#ctx.clock.now();
        if (!this.#store.quota.allows(now, recipients.length)) throw new GasException(MAIL_QUOTA);
        this.#store.quota.record(now, recipients.length);
        const self = this.#ctx.session.email.toLowerCase();
        const id = this.#store.newId();
        const record: SentRecord = {
          id,
          threadId: id,
          from: mail.name ? `${mail.name} <${this.#ctx.session.email}>` : this.#ctx.session.email,
          to: mail.to,
          cc: mail.cc,
          bcc: mail.bcc,
          subject: mail.subject,
          plainBody: mail.body,
          htmlBody: mail.htmlBody,
          replyTo: mail.replyTo ?? '',
          name: mail.name,
          date: now,
          via: 'MailApp',
          ...(attachments?.length ? { attachments } : {}),
        };
        this.#store.recordSent(
          record,
          recipients.some((r) => r.toLowerCase() === self),
        );
      },
      { sent: [sent, ...(attachments ?? []).map((a) => a.content)] },
    );
  }
}

export function createMailApp(store: GmailStore, ctx: ServiceContext): MailAppEmulation {
  return new MailAppEmulation(store, ctx);
}
