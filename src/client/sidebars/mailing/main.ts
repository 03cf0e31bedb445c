// The Mailing sidebar (CRM → Mailing…): compose (channel, recipients, template with insertable fields), Preview,
// Send after a confirmation with the counts and today's quota (or a dry run that only shows what would go out), and
// the list of mailings with their progress and Stop. Everything is rendered with textContent.

import type { MailingInput, MailingView } from '../../../shared/mailing-dto';
import { loadAccess, renderWhoAmI } from '../../lib/access';
import { byId, element, fillTexts, options, replaceChildren } from '../../lib/dom';
import { rpc } from '../../lib/rpc';
import { errorText, showStatus } from '../../lib/status';
import { channel, findToPick, readInput, showParts } from './compose';
import { locale, say } from './context';
import { INSERTABLE_FIELDS, insertPlaceholder } from './fields';
import { renderMailings } from './mailings';
import { renderDryRun, renderPreview, sendable } from './preview';

fillTexts(
  {
    title: 'title',
    'channel-label': 'channel',
    'channel-email': 'email',
    'channel-sms': 'sms',
    'mode-label': 'recipients',
    'mode-label-option': 'byLabel',
    'mode-filter-option': 'byFilter',
    'mode-pick-option': 'byPick',
    'filter-quiet-text': 'quiet',
    'filter-birthday-text': 'birthday',
    'pick-find': 'find',
    'subject-label': 'subject',
    'body-label': 'body',
    'insert-text': 'insert',
    'doc-label': 'templateDoc',
    'save-doc': 'saveDoc',
    'dry-run-text': 'dryRun',
    preview: 'preview',
    send: 'send',
    'confirm-yes': 'confirmSend',
    'confirm-no': 'cancel',
    'mailings-title': 'mailings',
    'mailings-refresh': 'refresh',
  },
  say,
);
byId<HTMLInputElement>('filter-query').placeholder = say('query');
byId<HTMLInputElement>('pick-query').placeholder = say('query');

const fail = (e: unknown) => showStatus(say('error', { message: errorText(e) }), 'error');

/** The field the insert buttons write into: the subject when it was the last focused, else the text. */
let target: HTMLTextAreaElement | HTMLInputElement = byId<HTMLTextAreaElement>('body');
byId<HTMLInputElement>('subject').addEventListener('focus', (e) => (target = e.target as HTMLInputElement));
byId<HTMLTextAreaElement>('body').addEventListener('focus', (e) => (target = e.target as HTMLTextAreaElement));
replaceChildren(
  byId('insert'),
  ...INSERTABLE_FIELDS.map((f) =>
    element(
      'button',
      {
        type: 'button',
        'data-field': f,
        // mousedown keeps the caret where it was: a click would first take the focus from the field.
        onmousedown: (e: Event) => e.preventDefault(),
        onclick: () => insertPlaceholder(target, f),
      },
      `{{${f}}}`,
    ),
  ),
);

for (const id of ['channel', 'mode']) byId(id).addEventListener('change', showParts);
showParts();

function busy(on: boolean): void {
  for (const id of ['preview', 'send', 'confirm-yes']) byId<HTMLButtonElement>(id).disabled = on;
}

function input(): MailingInput | undefined {
  const read = readInput();
  if (read.ok) return read.input;
  showStatus(say(read.problem), 'error');
  return undefined;
}

async function preview(): Promise<void> {
  const mailing = input();
  if (!mailing) return;
  busy(true);
  try {
    renderPreview(await rpc.previewMailing(mailing));
    showStatus('');
  } catch (e) {
    fail(e);
  } finally {
    busy(false);
  }
}

/** The mailing the confirmation is about: sent only as previewed (a change of the form asks again). */
let confirming: MailingInput | undefined;

async function askToSend(): Promise<void> {
  const mailing = input();
  if (!mailing) return;
  busy(true);
  try {
    const p = await rpc.previewMailing(mailing);
    renderPreview(p);
    if (p.unknown.length) return;
    const count = sendable(p);
    const later = Math.max(0, count - p.remainingQuota);
    byId('confirm-text').textContent = [
      say('confirm', { sendable: count, quota: p.remainingQuota }),
      later && !mailing.dryRun ? say('confirmLater', { later }) : '',
    ]
      .filter(Boolean)
      .join(' ');
    confirming = mailing;
    byId('confirm-box').hidden = false;
  } catch (e) {
    fail(e);
  } finally {
    busy(false);
  }
}

async function send(): Promise<void> {
  const mailing = confirming;
  byId('confirm-box').hidden = true;
  confirming = undefined;
  if (!mailing) return;
  busy(true);
  showStatus(say('sending'));
  try {
    const result = await rpc.startMailing(mailing);
    if (mailing.dryRun) {
      renderDryRun(result);
      showStatus(say('dryRunDone', { sent: result.sent, queued: result.queued }), 'ok');
    } else {
      const counts = { sent: result.sent, queued: result.queued, skipped: result.skipped.length };
      const done = say(result.resumesSoon ? 'startedSoon' : 'started', counts);
      // The gateway refused the whole request (a wrong key, no money): what was not sent stays queued.
      if (result.problem) showStatus(`${done} ${say('stoppedEarly', { problem: result.problem })}`, 'error');
      else showStatus(done, 'ok');
      await loadMailings();
    }
  } catch (e) {
    fail(e);
  } finally {
    busy(false);
  }
}

async function stop(view: MailingView): Promise<void> {
  try {
    const stopped = await rpc.stopMailing({ id: view.id });
    showStatus(say('stopped', { subject: stopped.subject || view.id }), 'ok');
    await loadMailings();
  } catch (e) {
    fail(e);
  }
}

async function loadMailings(): Promise<void> {
  try {
    renderMailings(await rpc.listMailings(), (v) => void stop(v));
  } catch (e) {
    fail(e);
  }
}

async function start(): Promise<void> {
  try {
    const [setup, access] = await Promise.all([rpc.getClientSidebarSetup(), loadAccess()]);
    renderWhoAmI(byId('who'), access, locale, () => void loadMailings());
    options(byId<HTMLSelectElement>('label'), setup.labels, { value: '', label: say('chooseLabel') });
    options(byId<HTMLSelectElement>('filter-label'), setup.labels, { value: '', label: say('anyLabel') });
    options(byId<HTMLSelectElement>('filter-manager'), setup.managers, { value: '', label: say('anyManager') });
  } catch (e) {
    fail(e);
  }
  await loadMailings();
}

/** The typed text kept as a Doc the CRM owns: the Doc field then names it, and the mailing reads it from there. */
async function saveAsDoc(): Promise<void> {
  const ch = channel();
  const subject = byId<HTMLInputElement>('subject').value.trim();
  const body = byId<HTMLTextAreaElement>('body').value;
  try {
    const saved = await rpc.saveMailingTemplate({
      channel: ch,
      body,
      ...(ch === 'email' && subject ? { subject } : {}),
    });
    byId<HTMLInputElement>('template-doc').value = saved.url;
    showStatus(say('savedDoc', { url: saved.url }), 'ok');
  } catch (e) {
    fail(e);
  }
}

byId('preview').addEventListener('click', () => void preview());
byId('save-doc').addEventListener('click', () => void saveAsDoc());
byId('send').addEventListener('click', () => void askToSend());
byId('confirm-yes').addEventListener('click', () => void send());
byId('confirm-no').addEventListener('click', () => {
  byId('confirm-box').hidden = true;
  confirming = undefined;
});
byId('compose').addEventListener('input', () => {
  // What was confirmed is no longer what the form says.
  byId('confirm-box').hidden = true;
  confirming = undefined;
});
byId('pick-find').addEventListener('click', () => void findToPick().catch(fail));
byId('mailings-refresh').addEventListener('click', () => void loadMailings());
void start();
