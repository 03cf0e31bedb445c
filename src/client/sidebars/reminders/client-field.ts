// The log form's client field: it suggests clients as the user types (findClients, debounced), and says before the
// event is written who it is for. A text that names one client is that client; several are listed to pick from (name,
// phone, label, last contact); no one offers "New client" (a small form prefilled from what was typed) or "Without a
// client". Nothing is logged until one of those is settled. Everything is rendered with textContent (lib/dom.ts).

import type { ClientSummary } from '../../../shared/clients-dto';
import type { LogEventInput } from '../../../shared/events-dto';
import { byId, element, replaceChildren } from '../../lib/dom';
import { rpc } from '../../lib/rpc';
import { actingAs } from '../../lib/access';
import { remindersText } from './strings';
import type { Locale } from '../../../core/i18n/locale';

/** How the field is settled: a picked client, a new one, or none on purpose. */
type Choice = { kind: 'client'; client: ClientSummary } | { kind: 'new' } | { kind: 'none'; text: string };

export interface ClientFieldOptions {
  locale: () => Locale;
  /** A date in the office's zone, for "last contact". */
  dateOf: (iso: string) => string;
  fail: (e: unknown) => void;
}

const SUGGESTIONS = 8;
const DEBOUNCE_MS = 250;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^[+\d\s().-]+$/;

/** A found client as the event names it: by resourceName, with its Card index row for the server to check first. */
function picked(client: ClientSummary): Pick<LogEventInput, 'client' | 'indexRow'> {
  return { client: client.resourceName, ...(client.indexRow ? { indexRow: client.indexRow } : {}) };
}

export class ClientField {
  private choice: Choice | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Answers to older keystrokes arriving late are dropped. */
  private asked = 0;
  private readonly input = byId<HTMLInputElement>('log-client');
  private readonly picks = byId('log-client-picks');
  private readonly state = byId('log-client-state');

  constructor(private readonly options: ClientFieldOptions) {
    this.input.addEventListener('input', () => {
      this.choice = undefined;
      this.state.hidden = true;
      this.schedule();
    });
  }

  private say(key: Parameters<typeof remindersText>[1], params?: Record<string, string | number>): string {
    return remindersText(this.options.locale(), key, params);
  }

  private text(): string {
    return this.input.value.trim();
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    const text = this.text();
    if (text.length < 2) {
      this.asked++;
      replaceChildren(this.picks);
      return;
    }
    this.timer = setTimeout(() => void this.suggest(text), DEBOUNCE_MS);
  }

  private async suggest(text: string): Promise<void> {
    const ask = ++this.asked;
    try {
      const found = await rpc.findClients({ query: text, limit: SUGGESTIONS, ...actingAs() });
      if (ask !== this.asked || this.choice) return;
      if (found.total === 0) this.showUnknown(text);
      else this.showCandidates(found.clients, found.total - found.clients.length);
    } catch (e) {
      if (ask === this.asked) this.options.fail(e);
    }
  }

  private candidate(c: ClientSummary): HTMLElement {
    const meta = [
      c.phones[0] ?? c.emails[0] ?? '',
      c.labels.join(', '),
      c.lastContact ? this.say('lastShort', { when: this.options.dateOf(c.lastContact) }) : this.say('noContactShort'),
    ].filter(Boolean);
    const item = element(
      'button',
      { type: 'button', class: 'pick', role: 'option', 'data-resource-name': c.resourceName },
      element('span', { class: 'client' }, c.name),
      element('span', { class: 'meta' }, meta.join(' · ')),
    );
    item.addEventListener('click', () => this.choose({ kind: 'client', client: c }));
    return item;
  }

  private showCandidates(clients: ClientSummary[], more: number, heading?: string): void {
    replaceChildren(
      this.picks,
      heading ? element('div', { class: 'hint' }, heading) : null,
      ...clients.map((c) => this.candidate(c)),
      more > 0 ? element('div', { class: 'hint' }, this.say('moreMatches', { count: more })) : null,
    );
  }

  private showUnknown(text: string): void {
    const create = element('button', { type: 'button', 'data-action': 'new-client' }, this.say('newClient'));
    create.addEventListener('click', () => this.choose({ kind: 'new' }));
    const none = element('button', { type: 'button', 'data-action': 'no-client' }, this.say('withoutClient'));
    none.addEventListener('click', () => this.choose({ kind: 'none', text: this.text() }));
    replaceChildren(
      this.picks,
      element('div', { class: 'hint', 'data-state': 'unknown' }, this.say('noMatch', { text })),
      element('div', { class: 'row' }, create, none),
    );
  }

  /** The new client's fields, prefilled from what was typed: an e-mail, a phone, or else a name. */
  private newClientForm(text: string): HTMLElement {
    const field = (id: string, label: string, value: string, type = 'text') =>
      element(
        'label',
        { class: 'field' },
        label,
        element('input', { id, type, value, maxlength: '200', 'data-field': id }),
      );
    const isEmail = EMAIL.test(text);
    const isPhone = !isEmail && PHONE.test(text) && text.replace(/\D/g, '').length >= 5;
    return element(
      'div',
      { class: 'new-client' },
      field('new-client-name', this.say('newClientName'), isEmail || isPhone ? '' : text),
      field('new-client-email', this.say('newClientEmail'), isEmail ? text : '', 'email'),
      field('new-client-phone', this.say('newClientPhone'), isPhone ? text : '', 'tel'),
      element('div', { class: 'hint' }, this.say('newClientHint')),
    );
  }

  private choose(choice: Choice): void {
    this.choice = choice;
    this.asked++;
    replaceChildren(this.picks);
    const change = element(
      'button',
      { type: 'button', class: 'link', 'data-action': 'change-client' },
      this.say('change'),
    );
    change.addEventListener('click', () => {
      this.choice = undefined;
      this.state.hidden = true;
      this.input.focus();
      this.schedule();
    });
    if (choice.kind === 'client') {
      this.input.value = choice.client.name;
      replaceChildren(
        this.state,
        element(
          'span',
          { 'data-chosen': choice.client.resourceName },
          this.say('chosen', { name: choice.client.name }),
        ),
        ' ',
        change,
      );
    } else if (choice.kind === 'new') {
      replaceChildren(
        this.state,
        element('strong', {}, this.say('newClient')),
        ' ',
        change,
        this.newClientForm(this.text()),
      );
    } else {
      replaceChildren(
        this.state,
        element('span', { 'data-chosen': '' }, this.say('withoutClientHint', { text: choice.text })),
        ' ',
        change,
      );
    }
    this.state.hidden = false;
  }

  /**
   * Who the event is for, settled: the fields of LogEventInput that say it. When the text alone does not name one
   * client (and nothing was picked), the candidates or the new/without choice are shown and undefined comes back:
   * the form then waits for the user.
   */
  async settled(): Promise<Pick<LogEventInput, 'client' | 'newClient' | 'noClient' | 'indexRow'> | undefined> {
    const text = this.text();
    if (!text) return undefined;
    const choice = this.choice;
    if (choice?.kind === 'client') return picked(choice.client);
    if (choice?.kind === 'none') return { client: choice.text, noClient: true };
    if (choice?.kind === 'new') {
      const value = (id: string) => byId<HTMLInputElement>(id).value.trim();
      const name = value('new-client-name');
      const email = value('new-client-email');
      const phone = value('new-client-phone');
      const from = email ? (name ? `${name} <${email}>` : email) : name;
      return { client: name || email || phone || text, newClient: { from, ...(phone ? { phone } : {}) } };
    }
    const ask = ++this.asked;
    if (this.timer) clearTimeout(this.timer);
    const view = await rpc.resolveClient(text);
    if (ask !== this.asked) return undefined;
    if (view.kind === 'one') return picked(view.client);
    if (view.kind === 'several') this.showCandidates(view.candidates, 0, this.say('pickClient'));
    else this.showUnknown(text);
    return undefined;
  }

  reset(): void {
    this.choice = undefined;
    this.asked++;
    replaceChildren(this.picks);
    replaceChildren(this.state);
    this.state.hidden = true;
  }
}
