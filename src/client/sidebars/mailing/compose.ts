// The compose form → a MailingInput: the channel, exactly one kind of recipients (a label, the Client sidebar's
// filter, or clients picked by hand), and the template (typed subject and text, or a Google Doc).

import type { ClientSummary } from '../../../shared/clients-dto';
import type { MailingChannel, MailingInput, MailingRecipients } from '../../../shared/mailing-dto';
import { actingAs } from '../../lib/access';
import { byId, element, replaceChildren } from '../../lib/dom';
import { rpc } from '../../lib/rpc';
import { say } from './context';
import type { MailingTextKey } from './strings';

type Mode = 'label' | 'filter' | 'clients';

/** The clients picked by hand, in the order picked. */
const picked = new Map<string, ClientSummary>();

export const channel = (): MailingChannel => (byId<HTMLSelectElement>('channel').value === 'sms' ? 'sms' : 'email');
const mode = (): Mode => byId<HTMLSelectElement>('mode').value as Mode;

/** Shows the parts of the form the channel and the kind of recipients use. */
export function showParts(): void {
  const m = mode();
  byId('by-label').hidden = m !== 'label';
  byId('by-filter').hidden = m !== 'filter';
  byId('by-pick').hidden = m !== 'clients';
  // An SMS has no subject.
  byId('subject-box').hidden = channel() === 'sms';
}

function recipients(): MailingRecipients | undefined {
  const m = mode();
  if (m === 'label') {
    const label = byId<HTMLSelectElement>('label').value;
    return label ? { label } : undefined;
  }
  if (m === 'clients') return picked.size ? { clients: [...picked.keys()] } : undefined;
  const label = byId<HTMLSelectElement>('filter-label').value;
  const manager = byId<HTMLSelectElement>('filter-manager').value;
  return {
    filter: {
      query: byId<HTMLInputElement>('filter-query').value.trim(),
      ...(label ? { label } : {}),
      ...(manager ? { manager } : {}),
      ...(byId<HTMLInputElement>('filter-quiet').checked ? { quiet: true } : {}),
      ...(byId<HTMLInputElement>('filter-birthday').checked ? { birthdayThisWeek: true } : {}),
    },
  };
}

/** The form as a MailingInput, or what is missing (a catalogue key). */
export function readInput(): { ok: true; input: MailingInput } | { ok: false; problem: MailingTextKey } {
  const to = recipients();
  if (!to) return { ok: false, problem: 'noRecipients' };
  const body = byId<HTMLTextAreaElement>('body').value;
  const templateDoc = byId<HTMLInputElement>('template-doc').value.trim();
  if (!body.trim() && !templateDoc) return { ok: false, problem: 'noText' };
  const ch = channel();
  const subject = byId<HTMLInputElement>('subject').value.trim();
  const input: MailingInput = {
    channel: ch,
    recipients: to,
    ...(templateDoc ? { templateDoc } : { body }),
    ...(ch === 'email' && subject ? { subject } : {}),
    ...(byId<HTMLInputElement>('dry-run').checked ? { dryRun: true } : {}),
    ...actingAs(),
  };
  return { ok: true, input };
}

function renderPicked(): void {
  byId('picked-count').textContent = picked.size ? say('picked', { count: picked.size }) : say('nonePicked');
  replaceChildren(
    byId('picked'),
    ...[...picked.values()].map((c) =>
      element(
        'li',
        { 'data-client': c.resourceName },
        element('span', { class: 'client' }, c.name),
        element(
          'button',
          {
            type: 'button',
            class: 'link remove',
            onclick: () => {
              picked.delete(c.resourceName);
              renderPicked();
            },
          },
          say('remove'),
        ),
      ),
    ),
  );
}

/** Finds clients as the Client sidebar does (findClients) and lists them with an Add button each. */
export async function findToPick(): Promise<void> {
  const query = byId<HTMLInputElement>('pick-query').value.trim();
  const found = await rpc.findClients({ query, limit: 20, ...actingAs() });
  replaceChildren(
    byId('pick-results'),
    ...found.clients.map((c) =>
      element(
        'li',
        { 'data-client': c.resourceName },
        element('span', { class: 'client' }, c.name),
        ' ',
        element('span', { class: 'muted' }, channel() === 'sms' ? (c.phones[0] ?? '') : (c.emails[0] ?? '')),
        element(
          'button',
          {
            type: 'button',
            class: 'link add',
            onclick: () => {
              picked.set(c.resourceName, c);
              renderPicked();
            },
          },
          say('add'),
        ),
      ),
    ),
  );
}

renderPicked();
