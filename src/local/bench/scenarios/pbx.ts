// `pbx.inbox`: 500 PBX webhooks shaped as Mango Office and Zadarma send them (src/local/pbx/payloads.ts, the builders
// the sandbox's "Simulate a call" page uses) — answered inbound and outbound calls, missed ones, numbers no client
// has, recordings, and ~5 % of the requests sent twice (a PBX retrying) — received by the sheet project's web app
// through the emulator's network exactly as a PBX reaches it (POST to the deployed /exec URL, Google's 302 followed),
// each request its own execution. Then the processing trigger runs (every 5 minutes in an office) until the Inbox is
// done. Reported: each receiving execution's calls (max and mean; the bound is 3) and bytes, and the
// processing runs' calls, bytes, virtual time, executions and outcome.
//
// The least the APIs allow:
//   receiving one request = 3: the secret (and Mango's key and salt, the Inbox's id) are in the script properties —
//     one getProperties; the issue requires a lock — one waitLock (released by the execution's end, not a call); the
//     append — one Sheets batchUpdate. Without the lock it would be 2.
//   processing, per execution: the write lock (1) + one values.batchGet of everything the plan reads (1) + one atomic
//     batchUpdate (1) + the cursor and processedAt (1 setProperties) + the CRM lines of the clients the calls touched
//     (a People getBatchGet and a batchUpdateContacts per 200 contacts: the notes must be read to keep the staff's
//     text) = 4 + 2 × ⌈clients / 200⌉.

import { openOffice, Office } from '../../office';
import { callRequests, formBody, PbxRequest, requestUrl, SimulatedCall } from '../../pbx/payloads';
import type { PbxProvider, PbxSetupView, ProcessInboxResult } from '../../../shared/pbx-dto';
import { measure, Measurement } from '../measure';

const CLOCK = '2026-03-02T09:00:00+03:00';
const WEBHOOKS = 500;
const CLIENTS = 2000;
const KEYS = { apiKey: 'bench-mango-key-0123456789abcdef', apiSalt: 'bench-mango-salt-fedcba9876543210' };
const OUR_NUMBER = '74951112233';
/** Every 20th request is sent again right after it: 5 % retries. */
const RETRY_EVERY = 20;
const MAX_EXECUTIONS = 30;
const PER_PEOPLE_CALL = 200;

const clientNumber = (i: number) => `7912${String(1000000 + i).slice(-7)}`;

/** The c-th call of the day: a deterministic mix of providers, directions, outcomes, known and unknown numbers. */
function callOf(c: number, at: number): { provider: PbxProvider; call: SimulatedCall; known: boolean } {
  const provider: PbxProvider = c % 2 === 0 ? 'mango' : 'zadarma';
  const known = c % 6 !== 5;
  const answered = c % 5 !== 1;
  return {
    provider,
    known,
    call: {
      direction: c % 4 === 3 ? 'out' : 'in',
      answered,
      clientNumber: known ? clientNumber((c * 37) % CLIENTS) : `7903${String(2000000 + c).slice(-7)}`,
      ourNumber: OUR_NUMBER,
      extension: String(101 + (c % 3)),
      startAt: new Date(at),
      talkSeconds: answered ? 30 + ((c * 13) % 300) : 0,
      recording: answered && c % 3 === 0,
    },
  };
}

function seedClients(office: Office): void {
  const ws = office.workspace;
  ws.people.seed(
    Array.from({ length: CLIENTS }, (_, i) => ({
      names: [{ familyName: `Клиент${i}`, givenName: 'Иван' }],
      phoneNumbers: [{ value: `+${clientNumber(i)}` }],
    })),
    ws.clock.now(),
  );
}

interface Received {
  calls: number;
  bytes: number;
  serviceMs: number;
  accepted: boolean;
}

/** Sends one request as the PBX does and reads its execution's report from the network's runs. */
function receive(office: Office, setup: PbxSetupView, request: PbxRequest): Received {
  const ws = office.workspace;
  const runs = ws.urlFetch.runs.length;
  const url = requestUrl(setup.urls[request.provider], request);
  const reply = ws.webApp.post(url, formBody(request.form), 'application/x-www-form-urlencoded', request.headers);
  const run = ws.urlFetch.runs[runs];
  if (!run || run.error) throw new Error(`webhook: ${run?.error ?? 'no execution'}`);
  const accepted = reply.text === '{"success":true}' || reply.text === 'ok';
  return { calls: run.report.serviceCalls, bytes: run.report.bytes, serviceMs: run.report.serviceMs, accepted };
}

function failedProcessing(webhooks: number, error: string): Measurement {
  return {
    id: 'pbx.inbox',
    operation: `Processing the Inbox after ${webhooks} webhooks: FAILED`,
    error,
    calls: 0,
    byService: {},
    bytes: 0,
    serviceMs: 0,
    cpuMs: 0,
  };
}

const mean = (xs: number[]) => Math.round((xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length)) * 100) / 100;

export function pbxBenches(): Measurement[] {
  const office = openOffice({ clockStart: CLOCK });
  const ws = office.workspace;
  office.rpc.runSetup();
  const saved = office.rpc.saveSettings({ mangoApiKey: KEYS.apiKey, mangoApiSalt: KEYS.apiSalt });
  if (!saved.ok) throw new Error('pbx bench: the Mango key and salt were not saved');
  seedClients(office);
  // The card index (phone → client) the processing resolves numbers with, as its 4-hourly trigger builds it.
  const indexed = office.sheet.invoke('refreshIndexTrigger', [{}]);
  if (indexed.error) throw indexed.error;
  const setup = office.rpc.getPbxSetup();

  // 1. Receiving: each request its own web-app execution, a PBX's pace (a call's requests seconds apart).
  const received: Received[] = [];
  const knownNumbers = new Set<string>();
  const mix = { phoneCalls: 0, mango: 0, zadarma: 0, answered: 0, missedInbound: 0, unknown: 0, recorded: 0, retries: 0 };
  for (let c = 0; received.length < WEBHOOKS; c++) {
    const { provider, call, known } = callOf(c, ws.clock.now());
    mix.phoneCalls++;
    mix[provider]++;
    if (call.answered) mix.answered++;
    else if (call.direction === 'in') mix.missedInbound++;
    if (!known) mix.unknown++;
    if (call.recording) mix.recorded++;
    if (known && call.answered) knownNumbers.add(call.clientNumber);
    for (const request of callRequests(provider, call, { mango: KEYS, timeZone: 'Europe/Moscow' })) {
      if (received.length >= WEBHOOKS) break;
      ws.clock.advance(5_000);
      received.push(receive(office, setup, request));
      if (received.length % RETRY_EVERY === 0 && received.length < WEBHOOKS) {
        received.push(receive(office, setup, request));
        mix.retries++;
      }
    }
    ws.clock.advance(60_000);
  }
  const refused = received.filter((r) => !r.accepted).length;
  const calls = received.map((r) => r.calls);
  const bytes = received.map((r) => r.bytes);
  const receiving: Measurement = {
    id: 'pbx.inbox.receive',
    operation: `${WEBHOOKS} PBX webhooks received by the web app (one execution each)`,
    webhooks: received.length,
    mix,
    refused,
    calls: calls.reduce((a, b) => a + b, 0),
    callsMax: Math.max(...calls),
    callsMean: mean(calls),
    minimum: 3,
    withinBound: Math.max(...calls) <= 3,
    byService: {},
    bytes: bytes.reduce((a, b) => a + b, 0),
    bytesMax: Math.max(...bytes),
    bytesMean: mean(bytes),
    serviceMs: received.reduce((a, r) => a + r.serviceMs, 0),
    serviceMsMax: Math.max(...received.map((r) => r.serviceMs)),
    cpuMs: 0,
  };

  // 2. Processing: the trigger, 5 minutes apart, until no row is left.
  ws.clock.advance(5 * 60_000);
  const runs: Array<{ m: Measurement; result: ProcessInboxResult }> = [];
  let result: ProcessInboxResult | undefined;
  let failure: string | undefined;
  do {
    if (result) ws.clock.advance(5 * 60_000);
    try {
      const m = measure(office, `processing execution ${runs.length + 1}`, () => {
        const run = office.sheet.invoke('processInboxTrigger', [{}]);
        result = run.result as ProcessInboxResult;
        return run;
      });
      runs.push({ m, result: result! });
    } catch (e) {
      // Reported, not thrown: the receiving half's figures stand on their own.
      failure = e instanceof Error ? e.message : String(e);
      break;
    }
  } while (result!.left > 0 && runs.length < MAX_EXECUTIONS);
  if (failure) return [{ ...failedProcessing(received.length, failure) }, receiving];
  const sum = (k: 'calls' | 'bytes' | 'serviceMs' | 'cpuMs') => runs.reduce((n, r) => n + (r.m[k] as number), 0);
  const total = (k: keyof ProcessInboxResult) =>
    runs.reduce(
      (n, r) => n + (Array.isArray(r.result[k]) ? (r.result[k] as unknown[]).length : Number(r.result[k])),
      0,
    );
  const byService: Record<string, number> = {};
  for (const { m } of runs) for (const [k, v] of Object.entries(m.byService)) byService[k] = (byService[k] ?? 0) + v;
  const clients = knownNumbers.size;
  const processing: Measurement = {
    id: 'pbx.inbox',
    operation: `Processing the Inbox after ${received.length} webhooks: events, callback list, new callers`,
    webhooks: received.length,
    executions: runs.length,
    events: total('events'),
    missed: total('missed'),
    unknown: total('unknown'),
    duplicates: total('duplicates'),
    recordings: total('recordings'),
    closedCallbacks: total('closedCallbacks'),
    ignored: total('ignored'),
    problems: total('problems'),
    left: result!.left,
    clientsTouched: clients,
    calls: sum('calls'),
    minimum: runs.length * 4 + 2 * Math.ceil(clients / PER_PEOPLE_CALL),
    byService,
    bytes: sum('bytes'),
    serviceMs: sum('serviceMs'),
    virtualSeconds: Math.round(sum('serviceMs') / 10) / 100,
    cpuMs: sum('cpuMs'),
    perExecution: runs.map(({ m }) => ({ calls: m.calls, bytes: m.bytes, serviceMs: m.serviceMs })),
    receive: {
      callsMax: receiving.callsMax,
      callsMean: receiving.callsMean,
      bytesMax: receiving.bytesMax,
      bytesMean: receiving.bytesMean,
    },
  };
  return [processing, receiving];
}
