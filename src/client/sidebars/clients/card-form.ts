// The client's card as a form: one editor per field of ClientCard (text, date, a list of values, the manager), what
// the user changed against the card as read, and a conflict's two values to choose between. Built with
// lib/dom.ts element(): every value lands as text or as an input's value, never as markup.

import type { Locale } from '../../../core/i18n/locale';
import type { ClientCard, ClientCardChanges, ClientCardField } from '../../../shared/clients-dto';
import { element, replaceChildren } from '../../lib/dom';
import { clientsText, ClientsTextKey } from './strings';

type Editor = 'text' | 'date' | 'birthday' | 'list' | 'notes' | 'manager';

interface FieldSpec {
  field: ClientCardField;
  label: ClientsTextKey;
  editor: Editor;
  /** For a list: the input type of each value and the datalist that suggests values. */
  input?: 'tel' | 'email' | 'text';
  suggest?: 'labels';
}

/** Every field of the seed card, in the order the card shows them. */
export const CARD_FIELDS: readonly FieldSpec[] = [
  { field: 'familyName', label: 'familyName', editor: 'text' },
  { field: 'givenName', label: 'givenName', editor: 'text' },
  { field: 'middleName', label: 'middleName', editor: 'text' },
  { field: 'phones', label: 'phones', editor: 'list', input: 'tel' },
  { field: 'emails', label: 'emails', editor: 'list', input: 'email' },
  { field: 'labels', label: 'labels', editor: 'list', input: 'text', suggest: 'labels' },
  { field: 'manager', label: 'manager', editor: 'manager' },
  { field: 'birthday', label: 'birthday', editor: 'birthday' },
  { field: 'firstVisit', label: 'firstVisit', editor: 'date' },
  { field: 'company', label: 'company', editor: 'text' },
  { field: 'title', label: 'jobTitle', editor: 'text' },
  { field: 'addresses', label: 'addresses', editor: 'list', input: 'text' },
  { field: 'notes', label: 'notes', editor: 'notes' },
];

export type CardValues = Pick<ClientCard, ClientCardField>;
type Value = string | string[];

export function fieldLabel(locale: Locale, field: ClientCardField): string {
  const spec = CARD_FIELDS.find((f) => f.field === field);
  return spec ? clientsText(locale, spec.label) : field;
}

export function valueText(locale: Locale, value: Value): string {
  const text = Array.isArray(value) ? value.join(', ') : value;
  return text.trim() ? text : clientsText(locale, 'empty');
}

function cleanList(values: readonly string[]): string[] {
  return values.map((v) => v.trim()).filter((v) => v !== '');
}

function same(a: Value, b: Value): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    const x = cleanList(Array.isArray(a) ? a : [a]);
    const y = cleanList(Array.isArray(b) ? b : [b]);
    return x.length === y.length && x.every((v, i) => v === y[i]);
  }
  return a.trim() === b.trim();
}

/** What the user changed against the card as read: only those fields are sent, so the rest can merge. */
export function changesFrom(values: CardValues, base: ClientCard): ClientCardChanges {
  const changes: Record<string, Value> = {};
  for (const { field } of CARD_FIELDS) {
    const value = values[field];
    if (same(value, base[field])) continue;
    changes[field] = Array.isArray(value) ? cleanList(value) : value.trim();
  }
  return changes as ClientCardChanges;
}

export interface CardFormOptions {
  locale: Locale;
  managers: string[];
  labels: string[];
}

/** The form's editors in #card-fields; `read` gives back what it shows now, `set` puts one field's value in. */
export class CardForm {
  private readonly editors = new Map<ClientCardField, { read: () => Value; set: (v: Value) => void }>();

  constructor(
    private readonly host: HTMLElement,
    private readonly options: CardFormOptions,
  ) {}

  private say(key: ClientsTextKey): string {
    return clientsText(this.options.locale, key);
  }

  render(values: CardValues): void {
    this.editors.clear();
    const suggestions = element(
      'datalist',
      { id: 'known-labels' },
      ...this.options.labels.map((l) => element('option', { value: l })),
    );
    replaceChildren(this.host, suggestions, ...CARD_FIELDS.map((spec) => this.field(spec, values[spec.field])));
  }

  read(): CardValues {
    const out: Record<string, Value> = {};
    for (const { field } of CARD_FIELDS) out[field] = this.editors.get(field)?.read() ?? '';
    return out as unknown as CardValues;
  }

  set(field: ClientCardField, value: Value): void {
    this.editors.get(field)?.set(value);
  }

  /** A field both changed: the two values, each a choice; picking one puts it into the editor. */
  showConflict(field: ClientCardField, mine: Value, theirs: Value, picked: (choice: 'mine' | 'theirs') => void): void {
    const box = this.host.querySelector<HTMLElement>(`.field[data-field="${field}"]`);
    if (!box) return;
    box.querySelector('.conflict')?.remove();
    box.classList.add('conflicted');
    const choice = (which: 'mine' | 'theirs', value: Value) => {
      const input = element('input', { type: 'radio', name: `conflict-${field}`, value: which });
      input.addEventListener('change', () => {
        this.set(field, value);
        box.classList.remove('conflicted');
        picked(which);
      });
      return element(
        'label',
        { class: 'check', 'data-choice': which },
        input,
        ' ',
        element(
          'span',
          {},
          clientsText(this.options.locale, which === 'mine' ? 'mine' : 'theirs', {
            value: valueText(this.options.locale, value),
          }),
        ),
      );
    };
    const label = box.querySelector('.field-label');
    const conflict = element('div', { class: 'conflict' }, choice('mine', mine), choice('theirs', theirs));
    if (label?.nextSibling) box.insertBefore(conflict, label.nextSibling);
    else box.appendChild(conflict);
  }

  clearConflicts(): void {
    for (const el of [...this.host.querySelectorAll('.conflict')]) el.remove();
    for (const el of [...this.host.querySelectorAll('.conflicted')]) el.classList.remove('conflicted');
  }

  private field(spec: FieldSpec, value: Value): HTMLElement {
    const id = `card-${spec.field}`;
    const box = element(
      'div',
      { class: 'field', 'data-field': spec.field },
      element('label', { class: 'field-label', for: id }, this.say(spec.label)),
    );
    if (spec.editor === 'list') box.appendChild(this.list(spec, id, Array.isArray(value) ? value : [value]));
    else box.appendChild(this.single(spec, id, Array.isArray(value) ? value.join(', ') : value));
    return box;
  }

  private single(spec: FieldSpec, id: string, value: string): HTMLElement {
    let input: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
    if (spec.editor === 'notes') {
      input = element('textarea', { id, rows: '3', maxlength: '10000' });
    } else if (spec.editor === 'manager') {
      input = element('select', { id });
    } else if (spec.editor === 'date') {
      input = element('input', { id, type: 'date' });
    } else if (spec.editor === 'birthday') {
      // A birthday may have no year (--MM-DD), which a date input cannot hold.
      input = element('input', {
        id,
        type: 'text',
        maxlength: '10',
        placeholder: this.say('birthdayHint'),
        pattern: '(\\d{4}|-)-\\d{2}-\\d{2}',
      });
    } else {
      input = element('input', { id, type: 'text', maxlength: '200' });
    }
    const set = (v: Value) => {
      const text = Array.isArray(v) ? v.join(', ') : v;
      if (input instanceof HTMLSelectElement) {
        // The manager the card names stays a choice even when they are no longer on the Staff sheet.
        const names = [...new Set([...this.options.managers, ...(text ? [text] : [])])];
        replaceChildren(
          input,
          element('option', { value: '' }, this.say('noManager')),
          ...names.map((n) => element('option', { value: n }, n)),
        );
      }
      input.value = text;
    };
    set(value);
    this.editors.set(spec.field, { read: () => input.value, set });
    return input;
  }

  private list(spec: FieldSpec, id: string, values: string[]): HTMLElement {
    const items = element('div', { class: 'list-items' });
    const row = (value: string, first: boolean) => {
      const input = element('input', {
        type: spec.input ?? 'text',
        maxlength: spec.field === 'addresses' ? '500' : '200',
        value,
        ...(first ? { id } : {}),
        ...(spec.suggest ? { list: 'known-labels' } : {}),
      });
      input.value = value;
      const remove = element(
        'button',
        { type: 'button', class: 'remove', 'data-action': 'remove', 'aria-label': this.say('remove') },
        '×',
      );
      const item = element('div', { class: 'list-item' }, input, remove);
      remove.addEventListener('click', () => item.remove());
      return item;
    };
    const set = (v: Value) => {
      const list = Array.isArray(v) ? v : v ? [v] : [];
      replaceChildren(items, ...list.map((x, i) => row(x, i === 0)));
    };
    set(values);
    const add = element('button', { type: 'button', class: 'add', 'data-action': 'add' }, this.say('add'));
    add.addEventListener('click', () => {
      const item = row('', items.childElementCount === 0);
      items.appendChild(item);
      item.querySelector('input')?.focus();
    });
    this.editors.set(spec.field, {
      read: () => [...items.querySelectorAll('input')].map((i) => i.value),
      set,
    });
    return element('div', { class: 'list' }, items, add);
  }
}
