// `pbx.inbox`: 500 PBX webhooks shaped as Mango Office and Zadarma send them (src/local/pbx/payloads.ts, the builders
// the sandbox's "Simulate a call" page uses) — answered inbound and outbound calls, missed ones, numbers no client
// has, recordings, and ~5 % of the requests sent twice (a PBX retrying) — received by the sheet project's web app
// through the emulator's network exactly as a PBX reaches it (POST to the deployed /exec URL, Google's 302 followed),
// each request its own execution. Then the processing trigger runs (every 5 minutes in an office) until the Inbox is
// done. Reported: each receiving execution's calls (max and mean; the bound is 3) and bytes, and the
// processing runs' calls, bytes, virtual time, executions and outcome.
//
// Every 10th call is a call back of the missed one 7 calls before (same number, answered): its callback item closes.
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

/** Whether the c-th call is from or to a number some client has, and which number. */
function numberOf(c: number): { known: boolean; number: string } {
  // Every 10th call (c ≡ 8) is with the number of the missed call 7 before it (c ≡ 1): a call back, closing its item.
  if (c % 10 === 8 && c >= 7) return numberOf(c - 7);
  const known = c % 6 !== 5;
  return { known, number: known ? clientNumber((c * 37) % CLIENTS) : `7903${String(2000000 + c).slice(-7)}` };
}

/** The c-th call of the day: a deterministic mix of providers, directions, outcomes, known and unknown numbers. */
function callOf(c: number, at: number): { provider: PbxProvider; call: SimulatedCall; known: boolean } {
  const provider: PbxProvider = c % 2 === 0 ? 'mango' : 'zadarma';
  const { known, number } = numberOf(c);
  const answered = c % 5 !== 1;
  return {
    provider,
    known,
    call: {
      direction: c % 4 === 3 ? 'out' : 'in',
      answered,
      clientNumber: number,
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

const mean = (xs: number[]) => Math.round((xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length)) * 100) / 100;

function officeWithClients(): { office: Office; setup: PbxSetupView } {
  const office = openOffice({ clockStart: CLOCK });
  office.rpc.runSetup();
  const saved = office.rpc.saveSettings({ mangoApiKey: KEYS.apiKey, mangoApiSalt: KEYS.apiSalt });
  if (!saved.ok) throw new Error('pbx bench: the Mango key and salt were not saved');
  seedClients(office);
  // The card index (phone → client) the processing resolves numbers with, as its 4-hourly trigger builds it.
  const indexed = office.sheet.invoke('refreshIndexTrigger', [{}]);
  if (indexed.error) throw indexed.error;
  return { office, setup: office.rpc.getPbxSetup() };
}

interface ProcessingRun {
  m: Measurement;
  result: ProcessInboxResult;
  /** Known clients whose answered calls this run had to take (its CRM lines). */
  clients: number;
}

const TRIGGER_MS = 5 * 60_000;

/** One run of the processing trigger, measured; a failure is returned as its message. */
function processOnce(office: Office, n: number, clients: number): ProcessingRun | string {
  let result: ProcessInboxResult | undefined;
  try {
    const m = measure(office, `processing execution ${n}`, () => {
      const run = office.sheet.invoke('processInboxTrigger', [{}]);
      result = run.result as ProcessInboxResult;
      return run;
    });
    return { m, result: result!, clients };
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

/**
 * 500 webhooks through the web app. `live`: the processing trigger runs every 5 virtual minutes meanwhile, as in an
 * office; otherwise all 500 wait in the Inbox (a backlog: the trigger paused, a quota day) and are processed after.
 */
function scenario(live: boolean) {
  const { office, setup } = officeWithClients();
  const ws = office.workspace;
  const received: Received[] = [];
  const runs: ProcessingRun[] = [];
  let failure: string | undefined;
  let window = new Set<string>();
  const allClients = new Set<string>();
  let nextRun = ws.clock.now() + TRIGGER_MS;
  const tick = () => {
    if (!live || failure || ws.clock.now() < nextRun) return;
    nextRun += TRIGGER_MS;
    const run = processOnce(office, runs.length + 1, window.size);
    window = new Set();
    if (typeof run === 'string') failure = run;
    else runs.push(run);
  };
  const mix = {
    phoneCalls: 0,
    mango: 0,
    zadarma: 0,
    answered: 0,
    missedInbound: 0,
    unknown: 0,
    recorded: 0,
    retries: 0,
  };
  for (let c = 0; received.length < WEBHOOKS; c++) {
    const { provider, call, known } = callOf(c, ws.clock.now());
    mix.phoneCalls++;
    mix[provider]++;
    if (call.answered) mix.answered++;
    else if (call.direction === 'in') mix.missedInbound++;
    if (!known) mix.unknown++;
    if (call.recording) mix.recorded++;
    if (known && call.answered) {
      window.add(call.clientNumber);
      allClients.add(call.clientNumber);
    }
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
    tick();
  }
  // Then the trigger until the Inbox is done (the backlog: all of it; live: what came after the last run).
  if (!live) window = allClients;
  for (let i = 0; !failure && i < MAX_EXECUTIONS; i++) {
    ws.clock.advance(TRIGGER_MS);
    const run = processOnce(office, runs.length + 1, window.size);
    window = new Set();
    if (typeof run === 'string') failure = run;
    else {
      runs.push(run);
      if (run.result.left === 0) break;
    }
  }
  return { received, mix, runs, failure };
}

function receivingReport(received: Received[], mix: Record<string, number>): Measurement {
  const calls = received.map((r) => r.calls);
  const bytes = received.map((r) => r.bytes);
  return {
    id: 'pbx.inbox.receive',
    operation: `${received.length} PBX webhooks received by the web app (one execution each)`,
    webhooks: received.length,
    mix,
    refused: received.filter((r) => !r.accepted).length,
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
}

function processingReport(id: string, operation: string, s: ReturnType<typeof scenario>): Measurement {
  const { runs } = s;
  const sum = (k: 'calls' | 'bytes' | 'serviceMs' | 'cpuMs') => runs.reduce((n, r) => n + (r.m[k] as number), 0);
  const total = (k: keyof ProcessInboxResult) =>
    runs.reduce(
      (n, r) => n + (Array.isArray(r.result[k]) ? (r.result[k] as unknown[]).length : Number(r.result[k])),
      0,
    );
  const byService: Record<string, number> = {};
  for (const { m } of runs) for (const [k, v] of Object.entries(m.byService)) byService[k] = (byService[k] ?? 0) + v;
  const calls = runs.map((r) => r.m.calls);
  return {
    id,
    operation: s.failure ? `${operation}: FAILED` : operation,
    ...(s.failure ? { error: s.failure } : {}),
    webhooks: s.received.length,
    executions: runs.length,
    events: total('events'),
    missed: total('missed'),
    unknown: total('unknown'),
    duplicates: total('duplicates'),
    recordings: total('recordings'),
    closedCallbacks: total('closedCallbacks'),
    ignored: total('ignored'),
    problems: total('problems'),
    left: runs.length ? runs[runs.length - 1].result.left : undefined,
    calls: sum('calls'),
    callsMaxPerExecution: calls.length ? Math.max(...calls) : 0,
    minimum: runs.reduce((n, r) => n + 4 + 2 * Math.ceil(r.clients / PER_PEOPLE_CALL), 0),
    byService,
    bytes: sum('bytes'),
    serviceMs: sum('serviceMs'),
    virtualSeconds: Math.round(sum('serviceMs') / 10) / 100,
    cpuMs: sum('cpuMs'),
    perExecution:
      runs.length <= 10 ? runs.map(({ m }) => ({ calls: m.calls, bytes: m.bytes, serviceMs: m.serviceMs })) : undefined,
  };
}

/**
 * `pbx.inbox`: the backlog — 500 webhooks received, then processed. `pbx.inbox.live`: the same 500 with the trigger
 * every 5 minutes meanwhile, as an office runs. `pbx.inbox.receive`: the receiving executions (of the backlog run).
 */
export function pbxBenches(): Measurement[] {
  const backlog = scenario(false);
  const live = scenario(true);
  return [
    processingReport('pbx.inbox', `Processing the Inbox after ${WEBHOOKS} webhooks (a backlog)`, backlog),
    processingReport('pbx.inbox.live', `${WEBHOOKS} webhooks with the processing trigger every 5 minutes`, live),
    receivingReport(backlog.received, backlog.mix),
  ];
}
