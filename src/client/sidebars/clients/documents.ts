// The Client sidebar's document buttons on an order event (one with an amount or an order state): "Offer PDF",
// "Invoice PDF", "E-mail to client", and the link to the event's document. Kept apart from the money section (the
// orders' part of the same sidebar); built with textContent only, and the link is shown only for an https address.

import type { Locale } from '../../../core/i18n/locale';
import type { EventView } from '../../../shared/events-dto';
import { actingAs } from '../../lib/access';
import { element, replaceChildren } from '../../lib/dom';
import { rpc } from '../../lib/rpc';
import { errorText, showStatus } from '../../lib/status';
import { catalog } from '../../lib/strings';

const documentsText = catalog({
  en: {
    offer: 'Offer PDF',
    invoice: 'Invoice PDF',
    email: 'E-mail to client',
    open: 'Document (PDF)',
    making: 'Making the document…',
    made: 'The PDF is in the client’s folder and linked from the event.',
    sending: 'Sending…',
    sent: 'Sent to {to}; the e-mail is in the history.',
    error: 'Not done: {message}',
  },
  ru: {
    offer: 'КП в PDF',
    invoice: 'Счёт в PDF',
    email: 'Отправить клиенту',
    open: 'Документ (PDF)',
    making: 'Создаю документ…',
    made: 'PDF в папке клиента, ссылка — в событии.',
    sending: 'Отправляю…',
    sent: 'Отправлено на {to}; письмо — в истории.',
    error: 'Не сделано: {message}',
  },
  ka: {
    offer: 'შეთავაზება PDF',
    invoice: 'ინვოისი PDF',
    email: 'კლიენტს გაგზავნა',
    open: 'დოკუმენტი (PDF)',
    making: 'დოკუმენტი იქმნება…',
    made: 'PDF კლიენტის საქაღალდეშია, ბმული — მოვლენაში.',
    sending: 'იგზავნება…',
    sent: 'გაიგზავნა მისამართზე {to}; წერილი ისტორიაშია.',
    error: 'ვერ შესრულდა: {message}',
  },
});

export function isOrder(e: EventView): boolean {
  return e.amount !== undefined || e.orderState !== undefined;
}

function link(url: string | undefined, locale: Locale): HTMLElement | null {
  if (!url || !/^https:\/\//i.test(url)) return null;
  return element(
    'a',
    { class: 'document', href: url, target: '_blank', rel: 'noopener' },
    documentsText(locale, 'open'),
  );
}

/** The buttons and the link under an order event; null for any other event. `changed` gets the event after. */
export function documentActions(e: EventView, locale: Locale, changed: (e: EventView) => void): HTMLElement | null {
  if (!isOrder(e)) return null;
  const say = (key: Parameters<typeof documentsText>[1], params?: object) => documentsText(locale, key, params);
  const box = element('div', { class: 'documents', 'data-documents': e.id });
  let current = e;
  const run = async (busy: string, work: () => Promise<EventView>, done: () => string) => {
    for (const b of box.querySelectorAll('button')) b.disabled = true;
    showStatus(say(busy as 'making'));
    try {
      current = await work();
      showStatus(done(), 'ok');
      changed(current);
    } catch (err) {
      showStatus(say('error', { message: errorText(err) }), 'error');
    } finally {
      render();
    }
  };
  const make = (template: 'offer' | 'invoice') =>
    run(
      'making',
      async () => (await rpc.makeDocument({ event: current.id, template, ...actingAs() })).event,
      () => say('made'),
    );
  let sentTo = '';
  const send = () =>
    run(
      'sending',
      async () => {
        const r = await rpc.emailDocument({ event: current.id, ...actingAs() });
        sentTo = r.to;
        return r.event;
      },
      () => say('sent', { to: sentTo }),
    );
  function render() {
    replaceChildren(
      box,
      element(
        'button',
        { type: 'button', class: 'small', 'data-document': 'offer', onclick: () => void make('offer') },
        say('offer'),
      ),
      element(
        'button',
        { type: 'button', class: 'small', 'data-document': 'invoice', onclick: () => void make('invoice') },
        say('invoice'),
      ),
      element(
        'button',
        { type: 'button', class: 'small', 'data-document': 'email', onclick: () => void send() },
        say('email'),
      ),
      link(current.document, locale),
    );
  }
  render();
  return box;
}
