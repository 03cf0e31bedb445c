// The sandbox's Telephony page, server half: the endpoint's URLs and secret (getPbxSetup, as CRM → Telephony… shows
// them), "Simulate a call" — the requests Mango or Zadarma would make about one call (../pbx/payloads.ts), posted
// through the emulator's network to the deployed web app like a PBX reaching it from outside — and "Process inbox
// now" (the processing trigger's entry point, run at once), with the callback list and new callers after it.

import type { CallsView, PbxProvider, PbxSetupView, ProcessInboxResult, WebhookReply } from '../../shared/pbx-dto';
import type { Office } from '../office';
import { invokeEntryPoint } from '../gas/server-rpc';
import { callRequests, sendPbxRequests } from '../pbx/payloads';
import { DEMO_LINE, DEMO_MANGO, DEMO_STAFF } from './demo-office';

export interface TelephonyView {
  setup: PbxSetupView | null;
  /** Why the setup could not be read (not deployed, the endpoint not built), '' when it was. */
  setupError: string;
  /** The demo clients' numbers to choose from, as the PBX sends them (digits with the country code). */
  numbers: Array<{ name: string; number: string }>;
  extensions: Array<{ name: string; extension: string }>;
  line: string;
}

export interface SimulateInput {
  provider: PbxProvider;
  direction: 'in' | 'out';
  answered: boolean;
  number: string;
  extension: string;
  talkSeconds: number;
  recording: boolean;
}

export interface SimulateResult {
  /** Each request as sent (its path or event) and the web app's reply. */
  sent: Array<{ what: string } & WebhookReply>;
}

export interface ProcessResult {
  result: ProcessInboxResult | null;
  error: string;
  calls: CallsView | null;
  callsError: string;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));
const digits = (s: string) => s.replace(/\D/g, '');

export function telephonyView(office: Office): TelephonyView {
  let setup: PbxSetupView | null = null;
  let setupError = '';
  try {
    setup = office.rpc.getPbxSetup();
  } catch (e) {
    setupError = message(e);
  }
  const numbers = office.workspace.people
    .allContacts()
    .filter((p) => p.phoneNumbers?.[0]?.value)
    .slice(0, 12)
    .map((p) => ({
      name: String(p.names?.[0]?.displayName ?? [p.names?.[0]?.familyName, p.names?.[0]?.givenName].join(' ')),
      number: digits(String(p.phoneNumbers?.[0]?.value)),
    }));
  const extensions = DEMO_STAFF.map((m) => ({ name: m[0], extension: m[5] }));
  return { setup, setupError, numbers, extensions, line: DEMO_LINE };
}

function checkInput(input: SimulateInput): SimulateInput {
  const provider = input.provider === 'zadarma' ? 'zadarma' : input.provider === 'mango' ? 'mango' : undefined;
  if (!provider) throw new Error('provider must be mango or zadarma');
  const number = digits(String(input.number ?? ''));
  if (number.length < 6 || number.length > 15) throw new Error('the caller’s number must have 6 to 15 digits');
  const talkSeconds = Math.max(0, Math.min(4 * 3600, Math.round(Number(input.talkSeconds) || 0)));
  return {
    provider,
    direction: input.direction === 'out' ? 'out' : 'in',
    answered: !!input.answered,
    number,
    extension: digits(String(input.extension ?? '')),
    talkSeconds,
    recording: !!input.recording,
  };
}

/**
 * Posts the PBX's requests about one call that has just ended (it started ring + talk seconds ago on the emulator's
 * clock) to the URL getPbxSetup gives for that PBX. Mango's are signed with the demo office's key and salt.
 */
export function simulateCall(office: Office, raw: SimulateInput): SimulateResult {
  const input = checkInput(raw);
  const setup = office.rpc.getPbxSetup();
  const url = setup.urls[input.provider];
  if (!url) throw new Error('The sheet project is not deployed as a web app: no URL to post to');
  const ring = 8;
  const startAt = new Date(office.workspace.clock.now() - (ring + (input.answered ? input.talkSeconds : 0)) * 1000);
  const requests = callRequests(
    input.provider,
    {
      direction: input.direction,
      answered: input.answered,
      clientNumber: input.number,
      ourNumber: DEMO_LINE,
      extension: input.extension,
      startAt,
      ringSeconds: ring,
      talkSeconds: input.talkSeconds,
      recording: input.recording,
    },
    { mango: DEMO_MANGO, timeZone: office.workspace.spreadsheets.get(office.spreadsheetId).timeZone ?? 'UTC' },
  );
  const replies = sendPbxRequests(office.workspace.webApp, url, requests);
  return {
    sent: requests.map((r, i) => ({ what: r.path || r.form.event || r.method, ...replies[i] })),
  };
}

export function processInboxNow(office: Office): ProcessResult {
  const out: ProcessResult = { result: null, error: '', calls: null, callsError: '' };
  // The processing trigger's own run over the Inbox (src/server/main.ts processInbox_), at once.
  const run = invokeEntryPoint(office.sheet, 'processInbox_', [{}]);
  if (run.error) out.error = message(run.error);
  else out.result = run.result as ProcessInboxResult;
  try {
    out.calls = office.rpc.getCalls();
  } catch (e) {
    out.callsError = message(e);
  }
  return out;
}
