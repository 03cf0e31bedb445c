// The list of mailings: progress (sent of total, waiting, skipped), state, and Stop for one still going.

import type { MailingView } from '../../../shared/mailing-dto';
import { element, replaceChildren, byId } from '../../lib/dom';
import { say } from './context';
import type { MailingTextKey } from './strings';

const STATES: Record<MailingView['state'], MailingTextKey> = {
  sending: 'stateSending',
  'waiting-quota': 'stateWaiting',
  done: 'stateDone',
  stopped: 'stateStopped',
};

export function renderMailings(views: MailingView[], stop: (view: MailingView) => void): void {
  replaceChildren(
    byId('mailings'),
    ...(views.length
      ? views.map((v) =>
          element(
            'li',
            { class: 'mailing', 'data-id': v.id, 'data-state': v.state },
            element('strong', { class: 'subject' }, v.subject || say(v.channel === 'sms' ? 'sms' : 'email')),
            ' ',
            element(
              'span',
              { class: 'muted' },
              `${say(v.channel === 'sms' ? 'sms' : 'email')} · ${say(STATES[v.state])}`,
            ),
            element('progress', { max: String(Math.max(1, v.total)), value: String(v.sent) }),
            element('div', { class: 'progress' }, say('progress', v)),
            v.state === 'sending' || v.state === 'waiting-quota'
              ? element('button', { type: 'button', class: 'stop', onclick: () => stop(v) }, say('stop'))
              : null,
          ),
        )
      : [element('li', { class: 'muted' }, say('noMailings'))]),
  );
}
