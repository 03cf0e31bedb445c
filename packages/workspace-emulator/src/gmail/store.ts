// The shared account's mail: messages that arrived (what the Gmail add-on is opened on), mail the scripts sent, the
// per-message access tokens Gmail hands an add-on, and MailApp's daily recipient quota.
//
// Uncounted accessors (`inbox`, `sent`, `addMessage`) are for setup, tests and the sandbox; scripts go through the
// services in service.ts.

import { createHash } from 'node:crypto';
import { DailyQuota } from '../script/daily-quota';
import { PAYLOAD_LIMITS } from '../limits';

export interface MessageRecord {
  /** Gmail message id: 16 hex digits. */
  id: string;
  threadId: string;
  from: string;
  to: string;
  cc: string;
  subject: string;
  plainBody: string;
  htmlBody?: string;
  replyTo: string;
  /** Epoch ms. */
  date: number;
}

/** A file sent with a message; `content` is base64 (stores stay JSON, see drive/store.ts). */
export interface SentAttachment {
  name: string;
  contentType: string;
  size: number;
  content: string;
}

export interface SentRecord extends MessageRecord {
  bcc: string;
  /** MailApp's options.attachments, in order; absent when none. */
  attachments?: SentAttachment[];
  /** Sender display name, when the script set one. */
  name?: string;
  via: 'MailApp';
}

export const MAIL_LIMITS = {
  /**
   * "Email recipients per day: 100 / 1,500" (consumer / Workspace), https://developers.google.com/apps-script/guides/services/quotas.
   * MailApp.getRemainingDailyQuota counts the same recipients.
   */
  recipientsPerDay: 100,
  /** "Email recipients per message: 50 / 50" (same page). */
  recipientsPerMessage: PAYLOAD_LIMITS.mailRecipientsPerMessage.value,
  /** "Email body size: 200 KB / message" (same page); counted as 200,000 UTF-8 bytes, the stricter reading. */
  bodyBytes: PAYLOAD_LIMITS.mailBodyBytes.value,
  attachmentsPerMessage: PAYLOAD_LIMITS.mailAttachmentsPerMessage.value,
  attachmentBytes: PAYLOAD_LIMITS.mailAttachmentBytes.value,
};

interface GmailJSON {
  messages?: MessageRecord[];
  sent?: SentRecord[];
  quota?: unknown;
  counter?: number;
}

export class GmailStore {
  private messages: MessageRecord[];
  private readonly sentMail: SentRecord[];
  private counter: number;
  readonly quota: DailyQuota;
  /** Access token → the message it opens. Tokens live as long as the process (an add-on gets a fresh one per event). */
  private readonly tokens = new Map<string, string>();

  private constructor(json: GmailJSON) {
    this.messages = Array.isArray(json.messages) ? json.messages.map((m) => ({ ...m })) : [];
    this.sentMail = Array.isArray(json.sent) ? json.sent.map((m) => ({ ...m })) : [];
    this.counter = typeof json.counter === 'number' ? json.counter : this.messages.length + this.sentMail.length;
    this.quota = new DailyQuota(MAIL_LIMITS.recipientsPerDay, json.quota);
  }

  static fromJSON(json: unknown): GmailStore {
    return new GmailStore(json && typeof json === 'object' ? (json as GmailJSON) : {});
  }

  toJSON(): GmailJSON {
    return {
      messages: this.messages.map((m) => ({ ...m })),
      sent: this.sentMail.map((m) => ({ ...m })),
      quota: this.quota.toJSON(),
      counter: this.counter,
    };
  }

  /** A new Gmail-looking id (16 hex digits), stable for a given store history. */
  newId(): string {
    this.counter += 1;
    return createHash('sha1').update(`gmail-message-${this.counter}`).digest('hex').slice(0, 16);
  }

  /** A message arriving in the inbox (setup, tests, the sandbox). A new message starts its own thread. */
  addMessage(m: {
    from: string;
    to: string;
    subject: string;
    plainBody: string;
    date: number;
    cc?: string;
    replyTo?: string;
    htmlBody?: string;
    threadId?: string;
  }): string {
    const id = this.newId();
    this.messages.push({
      id,
      threadId: m.threadId ?? id,
      from: m.from,
      to: m.to,
      cc: m.cc ?? '',
      subject: m.subject,
      plainBody: m.plainBody,
      htmlBody: m.htmlBody,
      replyTo: m.replyTo ?? '',
      date: m.date,
    });
    return id;
  }

  /** Takes a message out of the mailbox (the CLI's stand-in message for `card`). */
  removeMessage(id: string): void {
    this.messages = this.messages.filter((m) => m.id !== id);
  }

  /** Received messages, newest first. */
  inbox(): MessageRecord[] {
    return this.messages
      .slice()
      .sort((a, b) => b.date - a.date)
      .map((m) => ({ ...m }));
  }

  /** Mail the scripts sent, newest first. */
  sent(): SentRecord[] {
    return this.sentMail
      .slice()
      .sort((a, b) => b.date - a.date)
      .map((m) => ({ ...m }));
  }

  message(id: string): MessageRecord | undefined {
    const m = this.messages.find((x) => x.id === id);
    return m && { ...m };
  }

  /** @internal For MailApp: records a sent message; a copy lands in the inbox when the account mailed itself. */
  recordSent(m: SentRecord, selfAddressed: boolean): void {
    this.sentMail.push({ ...m });
    if (selfAddressed) {
      const { bcc: _bcc, name: _name, via: _via, ...received } = m;
      this.messages.push({ ...received, id: this.newId() });
    }
  }

  /** What Gmail puts in `e.gmail.accessToken` when the add-on opens on `messageId`. */
  issueAccessToken(messageId: string): string {
    const token = `ya29.msg-${createHash('sha1').update(`${messageId}:${this.tokens.size}`).digest('hex').slice(0, 24)}`;
    this.tokens.set(token, messageId);
    return token;
  }

  /** The message an access token opens, if it is one Gmail issued. */
  tokenMessage(token: string): string | undefined {
    return this.tokens.get(token);
  }
}
