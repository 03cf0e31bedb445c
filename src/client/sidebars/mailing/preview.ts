// The preview (first messages as each client will see them, every skip with its reason, today's quota) and a dry
// run's messages. Everything is text nodes; a placeholder left in a text and a missing field are marked.

import type { MailingMessage, MailingPreview, MailingResult, MailingSkip } from '../../../shared/mailing-dto';
import { byId, element, replaceChildren } from '../../lib/dom';
import { say } from './context';
import type { MailingTextKey } from './strings';

// 'stopped': a row of a stopped mailing (the queue's own reason, core/mailing/queue.ts).
const REASONS: Record<MailingSkip['reason'] | 'stopped', MailingTextKey> = {
  'no-email': 'reasonNoEmail',
  'no-phone': 'reasonNoPhone',
  'not-e164': 'reasonNotE164',
  unsubscribed: 'reasonUnsubscribed',
  'missing-field': 'reasonMissingField',
  'duplicate-address': 'reasonDuplicate',
  refused: 'reasonRefused',
  uncertain: 'reasonUncertain',
  stopped: 'reasonStopped',
};

/** Text with each `{{name}}` still in it marked (a field the engine could not fill shows as written). */
function marked(text: string): Array<Node | string> {
  const out: Array<Node | string> = [];
  let last = 0;
  for (const m of text.matchAll(/\{\{[^{}]*\}\}/g)) {
    out.push(text.slice(last, m.index));
    out.push(element('mark', { class: 'missing' }, m[0]));
    last = (m.index ?? 0) + m[0].length;
  }
  out.push(text.slice(last));
  return out;
}

function messageItem(m: MailingMessage): HTMLLIElement {
  return element(
    'li',
    { class: 'message', 'data-client': m.clientId },
    element('strong', { class: 'client' }, m.client),
    ' ',
    element('span', { class: 'to' }, m.to),
    m.subject ? element('div', { class: 'subject' }, ...marked(m.subject)) : null,
    element('div', { class: 'text' }, ...marked(m.text)),
  );
}

function skipItem(s: MailingSkip): HTMLLIElement {
  // A missing field's detail names the fields (the engine's words): each is marked so the office sees what to fill.
  const detail =
    s.reason === 'missing-field' && s.detail
      ? [
          say('missingFields'),
          ...s.detail
            .split(/[,;]\s*/)
            .filter(Boolean)
            .map((f, i) => [i ? ', ' : '', element('mark', { class: 'missing' }, f)])
            .flat(),
        ]
      : s.detail
        ? [s.detail]
        : [];
  return element(
    'li',
    { class: 'skip', 'data-reason': s.reason, ...(s.clientId ? { 'data-client': s.clientId } : {}) },
    element('strong', { class: 'client' }, s.client),
    ' — ',
    element('span', { class: 'reason' }, say(REASONS[s.reason as keyof typeof REASONS] ?? 'reasonRefused')),
    detail.length ? element('div', { class: 'detail' }, ...detail) : null,
  );
}

function show(skipped: MailingSkip[]): void {
  byId('preview-section').hidden = false;
  byId('preview-title').textContent = say('previewTitle');
  byId('skipped-title').textContent = say('skippedTitle', { count: skipped.length });
  replaceChildren(byId('skipped'), ...skipped.map(skipItem));
}

/** How many messages the preview says would go out. */
export const sendable = (p: MailingPreview): number => Math.max(0, p.recipients - p.skipped.length);

export function renderPreview(p: MailingPreview): void {
  show(p.skipped);
  byId('preview-counts').textContent = say('counts', {
    recipients: p.recipients,
    sendable: sendable(p),
    skipped: p.skipped.length,
  });
  byId('preview-quota').textContent = say('quota', { quota: p.remainingQuota });
  const unknown = byId('preview-unknown');
  unknown.hidden = p.unknown.length === 0;
  unknown.textContent = p.unknown.length ? say('unknown', { names: p.unknown.map((n) => `{{${n}}}`).join(', ') }) : '';
  byId('messages-title').textContent = say('firstMessages');
  replaceChildren(
    byId('messages'),
    ...(p.messages.length ? p.messages.map(messageItem) : [element('li', { class: 'muted' }, say('noMessages'))]),
  );
}

/** A dry run: every message that would go out now, in order (what the sandbox shows instead of sending). */
export function renderDryRun(r: MailingResult): void {
  show(r.skipped);
  const messages = r.messages ?? [];
  byId('preview-counts').textContent = say('dryRunDone', { sent: r.sent, queued: r.queued });
  byId('preview-quota').textContent = say('quota', { quota: r.remainingQuota });
  byId('preview-unknown').hidden = true;
  byId('messages-title').textContent = say('wouldGo', { count: messages.length });
  replaceChildren(
    byId('messages'),
    ...(messages.length ? messages.map(messageItem) : [element('li', { class: 'muted' }, say('noMessages'))]),
  );
}
