// The sandbox's Telephony page: the PBX's side of the office. It shows the endpoint's URLs and secret (what the
// office pastes into Mango's or Zadarma's settings), simulates one call — the requests that PBX would post, sent
// through the emulator's network to the deployed web app, each reply shown — and runs the Inbox processing at once,
// showing its outcome and the callback list. All text goes in through textContent (dom.ts element).

import { element, getJson, postJson } from './dom';
import type { CallsView, PbxProvider } from '../../../shared/pbx-dto';
import type { ProcessResult, SimulateResult, TelephonyView } from '../telephony';

const app = document.getElementById('app') as HTMLElement;
const root = element('div', { class: 'telephony' });
app.append(root);

const PROVIDERS: Record<PbxProvider, string> = { mango: 'Mango Office', zadarma: 'Zadarma' };

function endpointSection(view: TelephonyView): HTMLElement {
  const s = view.setup;
  if (!s)
    return element(
      'section',
      { id: 'endpoint' },
      element('h2', {}, 'Endpoint'),
      element('p', { class: 'error' }, view.setupError),
    );
  return element(
    'section',
    { id: 'endpoint' },
    element('h2', {}, 'Endpoint'),
    element('label', {}, 'Web app (/exec)'),
    element('code', { id: 'web-app-url' }, s.webAppUrl || '(not deployed)'),
    ...(Object.keys(PROVIDERS) as PbxProvider[]).flatMap((p) => [
      element('label', {}, `URL for ${PROVIDERS[p]}`),
      element('code', { id: `url-${p}` }, s.urls[p] ?? ''),
    ]),
    element('label', {}, 'Secret'),
    element('code', { id: 'secret' }, s.secret),
    element(
      'p',
      {},
      `Mango key ${s.mangoKeySet ? 'set' : 'not set'}, salt ${s.mangoSaltSet ? 'set' : 'not set'} · `,
      element('span', { id: 'inbox-waiting' }, `Inbox waiting: ${s.inboxWaiting}`),
      s.lastProcessedAt ? ` · last processed ${s.lastProcessedAt}` : '',
    ),
  );
}

function select(id: string, choices: Array<[string, string]>): HTMLSelectElement {
  return element('select', { id }, ...choices.map(([value, caption]) => element('option', { value }, caption)));
}

function callbacksList(calls: CallsView): HTMLElement {
  return element(
    'div',
    {},
    element('h3', {}, 'Callback list'),
    element(
      'ul',
      { id: 'sim-callbacks' },
      ...calls.callbacks.map((c) =>
        element(
          'li',
          { 'data-phone': c.phone },
          `${c.display} ${c.client || '(unknown)'} · ${c.state} · attempts ${c.attempts}`,
        ),
      ),
    ),
    element('h3', {}, 'New callers'),
    element(
      'ul',
      { id: 'sim-callers' },
      ...calls.newCallers.map((c) =>
        element('li', { 'data-phone': c.phone }, `${c.display} · ${c.state} · calls ${c.calls}`),
      ),
    ),
  );
}

function simulateSection(view: TelephonyView): HTMLElement {
  const provider = select('sim-provider', [
    ['mango', PROVIDERS.mango],
    ['zadarma', PROVIDERS.zadarma],
  ]);
  const direction = select('sim-direction', [
    ['in', 'Inbound (the client calls)'],
    ['out', 'Outbound (we call)'],
  ]);
  const outcome = select('sim-outcome', [
    ['answered', 'Answered'],
    ['missed', 'Missed (nobody answered)'],
  ]);
  const number = element('input', { type: 'text', id: 'sim-number', list: 'sim-numbers', placeholder: '79161234567' });
  number.value = view.numbers[0]?.number ?? '';
  const numbers = element(
    'datalist',
    { id: 'sim-numbers' },
    ...view.numbers.map((n) => element('option', { value: n.number }, n.name)),
  );
  const extension = select(
    'sim-extension',
    view.extensions.map((e) => [e.extension, `${e.extension} — ${e.name}`]),
  );
  const talk = element('input', { type: 'number', id: 'sim-talk', min: '0', value: '75' });
  const recording = element('input', { type: 'checkbox', id: 'sim-recording' });
  recording.checked = true;
  const sent = element('ol', { id: 'sim-sent' });
  const processed = element('div', { id: 'sim-processed' });
  const processButton = element('button', { type: 'button', id: 'sim-process', hidden: '' }, 'Process inbox now');
  const send = element('button', { type: 'button', id: 'sim-send' }, 'Send');

  send.addEventListener('click', () => {
    send.disabled = true;
    sent.replaceChildren();
    processed.replaceChildren();
    postJson<SimulateResult>('/api/telephony/simulate', {
      provider: provider.value,
      direction: direction.value,
      answered: outcome.value === 'answered',
      number: number.value,
      extension: extension.value,
      talkSeconds: Number(talk.value),
      recording: recording.checked,
    })
      .then((r) => {
        sent.replaceChildren(
          ...r.sent.map((x) =>
            element(
              'li',
              { 'data-status': String(x.status) },
              `${x.what} → ${x.status}: `,
              element('code', {}, x.body),
            ),
          ),
        );
        processButton.hidden = false;
      })
      .catch((e: Error) => sent.replaceChildren(element('li', { class: 'error' }, e.message)))
      .finally(() => (send.disabled = false));
  });
  processButton.addEventListener('click', () => {
    processButton.disabled = true;
    postJson<ProcessResult>('/api/telephony/process')
      .then((r) => {
        processed.replaceChildren(
          r.error
            ? element('p', { class: 'error' }, r.error)
            : element('pre', { id: 'sim-result' }, JSON.stringify(r.result, null, 2)),
          r.calls ? callbacksList(r.calls) : element('p', { class: 'error' }, r.callsError),
        );
        return refreshEndpoint();
      })
      .catch((e: Error) => processed.replaceChildren(element('p', { class: 'error' }, e.message)))
      .finally(() => (processButton.disabled = false));
  });

  const field = (caption: string, control: HTMLElement) => [element('label', { for: control.id }, caption), control];
  return element(
    'section',
    { id: 'simulate' },
    element('h2', {}, 'Simulate a call'),
    ...field('PBX', provider),
    ...field('Direction', direction),
    ...field('Outcome', outcome),
    ...field('The client’s number (a demo client, or type a new one)', number),
    numbers,
    ...field('Extension', extension),
    ...field('Talk seconds', talk),
    element('label', {}, recording, ' with a recording'),
    element('p', {}, send),
    sent,
    processButton,
    processed,
  );
}

let endpoint: HTMLElement | null = null;

async function refreshEndpoint(): Promise<void> {
  const view = await getJson<TelephonyView>('/api/telephony');
  const next = endpointSection(view);
  if (endpoint) endpoint.replaceWith(next);
  endpoint = next;
}

void getJson<TelephonyView>('/api/telephony').then((view) => {
  endpoint = endpointSection(view);
  root.append(endpoint, simulateSection(view));
});
