// Telephony as the sidebars, the sandbox and the CLI see it (the ServerApi methods in ./rpc.ts): the PBX endpoint's
// setup, the callback list, new callers, processing the Inbox and importing a call log.

/** The two cloud PBXs with an adapter (core/pbx/mango.ts, core/pbx/zadarma.ts). */
export type PbxProvider = 'mango' | 'zadarma';

/** What the web app answered a PBX request with (`crm webhook`): Apps Script always answers 200 (plus its 302). */
export interface WebhookReply {
  status: number;
  body: string;
}

/** CRM → Telephony… and the sandbox: where each PBX is pointed, and whether Mango's key and salt are set. */
export interface PbxSetupView {
  /** The web app's /exec URL ('' while the sheet project is not deployed as a web app). */
  webAppUrl: string;
  secret: string;
  /** The URL to paste into each PBX's settings (the secret in it). */
  urls: Record<PbxProvider, string>;
  mangoKeySet: boolean;
  mangoSaltSet: boolean;
  /** Inbox rows not yet processed, and when processing last ran (ISO, '' never). */
  inboxWaiting: number;
  lastProcessedAt: string;
}

/** `crm process-inbox` and the processing trigger: what one run turned the new Inbox rows into. */
export interface ProcessInboxResult {
  /** Done "call" events written (answered calls). */
  events: number;
  /** Missed inbound calls added to the callback list (new items and repeat attempts). */
  missed: number;
  /** Calls from numbers no client has: new-caller entries made or counted again. */
  unknown: number;
  /** Notifications already processed before (a retried or duplicated webhook): nothing written for them. */
  duplicates: number;
  /** Recording references attached to a call's event. */
  recordings: number;
  /** Callback items closed by an answered call with that number. */
  closedCallbacks: number;
  /** Rows that say nothing to act on (a call starting, a ping) and were marked done. */
  ignored: number;
  /** Rows that could not be read, each with its Inbox row and why; they stay in the Inbox, marked. */
  problems: InboxProblem[];
  /** Rows left for the next run (the run's time budget ran out, or a recording waits for its call). */
  left: number;
}

export interface InboxProblem {
  /** The Inbox sheet row (or the imported file's line, for import-calls). */
  row: number;
  source: string;
  message: string;
}

/** One open or closed item of the callback list ("Перезвонить"): one open item per caller number. */
export interface CallbackItem {
  /** E.164. */
  phone: string;
  /** The number as the office writes it (core/phone.ts display). */
  display: string;
  /** The client's name, '' for a number no client has. */
  client: string;
  /** The client's resourceName, ''. */
  clientId: string;
  /** Missed calls from this number since the item opened. */
  attempts: number;
  /** ISO instants of the first and the latest missed call. */
  firstAt: string;
  lastAt: string;
  /** The manager the item is for (the client's, or the line's via Staff), ''. */
  manager: string;
  state: 'open' | 'closed';
  /** ISO, '' while open. */
  closedAt: string;
  /** 'call': a later answered call with this number (either direction); 'hand': someone closed it. */
  closedBy: '' | 'call' | 'hand';
  /** The Callbacks sheet row (a hint for closing it; the server finds it by phone). */
  row: number;
}

/** A number no client has that called or was called: the staff turn it into a client in one click. */
export interface NewCallerItem {
  phone: string;
  display: string;
  firstAt: string;
  lastAt: string;
  calls: number;
  /** Our number the call came in on, and the staff member it reached ('' unknown). */
  line: string;
  manager: string;
  state: 'new' | 'added' | 'ignored';
  /** The contact it became ('' until added). */
  clientId: string;
  row: number;
}

export interface CallsView {
  callbacks: CallbackItem[];
  newCallers: NewCallerItem[];
}

/** "Add as client" on a new caller: the name typed (blank: the number stands in for it), the label chosen. */
export interface AddCallerInput {
  phone: string;
  name?: string;
  label?: string;
}

export interface AddCallerResult {
  /** The new (or already existing) contact's resourceName and name. */
  clientId: string;
  client: string;
  /** Events of calls with this number that now name the client. */
  relinked: number;
  calls: CallsView;
}

/** `crm import-calls FILE [--format asterisk|csv]`. */
export interface ImportCallsResult {
  format: 'asterisk' | 'csv';
  /** Data rows read from the file. */
  rows: number;
  events: number;
  missed: number;
  unknown: number;
  /** Calls already known (imported or received before): nothing written. */
  duplicates: number;
  /** Rows that are not calls with an outside number (internal calls, no number): counted, not written. */
  skipped: number;
  problems: Array<{ row: number; column: string; value: string; message: string }>;
  /** Every choice made for the user: the encoding read, the separator, each column guessed. */
  decisions: string[];
}
