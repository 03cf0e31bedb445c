// What the Mailing sidebar and the CLI (`crm mailing`, `crm sms`) exchange with the server about a mail merge: to a
// label, a Client-sidebar filter or a hand-picked list, by e-mail or SMS, previewed first, sent within the day's quota
// and carried on by a trigger on the following days. Instants are ISO strings.

import type { FindClientsInput } from './clients-dto';

export type MailingChannel = 'email' | 'sms';

/** Who gets it: exactly one of a label, a Client-sidebar filter, or clients picked by hand (resourceNames). */
export interface MailingRecipients {
  label?: string;
  filter?: FindClientsInput;
  clients?: string[];
}

export interface MailingInput {
  channel: MailingChannel;
  recipients: MailingRecipients;
  /** E-mail only: the subject template (placeholders allowed). With `templateDoc`, the Doc's first line when absent. */
  subject?: string;
  /** The message template typed in the sidebar (or read from a file by the CLI), with `{{field}}` placeholders. */
  body?: string;
  /** A Google Doc whose text is the template (its id or URL), instead of `body`. */
  templateDoc?: string;
  /** Nothing is sent, queued or logged: the messages that would go out are returned. */
  dryRun?: boolean;
  /** "Who am I" in a shared-account browser (AccessView.staff), as for events. */
  as?: string;
}

export type MailingSkipReason =
  | 'no-email'
  | 'no-phone'
  | 'not-e164'
  | 'unsubscribed'
  | 'missing-field'
  | 'duplicate-address'
  | 'refused'
  | 'uncertain';

export interface MailingSkip {
  /** The client's name as the card shows it. */
  client: string;
  clientId?: string;
  reason: MailingSkipReason;
  /** What exactly: the missing placeholders, the number that is not E.164, the gateway's refusal. */
  detail?: string;
}

/** One message as its client will see it. */
export interface MailingMessage {
  client: string;
  clientId: string;
  /** The e-mail address or the E.164 number. */
  to: string;
  subject?: string;
  text: string;
}

export interface MailingPreview {
  channel: MailingChannel;
  /** Clients the recipients name, before any is skipped. */
  recipients: number;
  /** The first messages (up to 5), exactly as they would be sent. */
  messages: MailingMessage[];
  skipped: MailingSkip[];
  /** The placeholders the template uses, and those that name no card field (a typo: nothing can be sent). */
  placeholders: string[];
  unknown: string[];
  /** Messages the account may still send today (MailApp's recipients left, or the SMS daily limit left). */
  remainingQuota: number;
}

/** `crm mailing … --json` and `crm sms … --json` print this. */
export interface MailingResult {
  /** The mailing's id ('' for a dry run): the queue's key, for resuming and for the events' link. */
  id: string;
  channel: MailingChannel;
  /** Messages still waiting for a later day's quota after this run. */
  queued: number;
  /** Messages sent by this run (a dry run: the messages that would go out now). */
  sent: number;
  skipped: MailingSkip[];
  remainingQuota: number;
  /** Every message of the mailing is sent or skipped. */
  done: boolean;
  /** The run's time ran out while today's quota allowed more: a run a minute later carries on (not tomorrow). */
  resumesSoon?: boolean;
  /** Dry run: every message that would go out, in order. */
  messages?: MailingMessage[];
  /** Why sending stopped early, when it did: the SMS gateway's refusal of the whole request (its name and code). */
  problem?: string;
}

/** A typed template to keep as a Google Doc the CRM owns (the office edits and reuses it; drive.file reaches it). */
export interface SaveTemplateInput {
  channel: MailingChannel;
  subject?: string;
  body: string;
}

export interface SavedTemplate {
  /** The Doc's id and address: what MailingInput.templateDoc takes. */
  id: string;
  url: string;
}

/** One mailing in the sidebar's list. */
export interface MailingView {
  id: string;
  channel: MailingChannel;
  subject: string;
  createdAt: string;
  createdBy: string;
  total: number;
  sent: number;
  queued: number;
  skipped: number;
  state: 'sending' | 'waiting-quota' | 'done' | 'stopped';
}
