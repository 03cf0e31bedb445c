// The sandbox's "Gmail": pick a message, and the add-on's card appears at the side, rendered from the card JSON the
// emulated CardService built. Buttons run the card's actions in the bundle and re-render what they return.

import { el, getJson, postJson } from './dom';
import type { CardResponse, MessageView } from './types';

const app = document.getElementById('app') as HTMLElement;
const list = el('div', { class: 'mail-list' });
const view = el('div', { class: 'mail-view' });
const addon = el('aside', { class: 'addon', 'aria-label': 'Add-on' });
app.append(list, view, addon);

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
let openMessageId: string | null = null;
const stack: Json[] = [];

function actionOf(onClick: Json | undefined): Json | undefined {
  return onClick?.action;
}

function formInputs(): Record<string, string[]> {
  const inputs: Record<string, string[]> = {};
  addon.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>('[data-field]').forEach((input) => {
    const name = input.dataset.field as string;
    if (input instanceof HTMLInputElement && (input.type === 'checkbox' || input.type === 'radio') && !input.checked) return;
    (inputs[name] ??= []).push(input.value);
  });
  return inputs;
}

async function runAction(action: Json): Promise<void> {
  const response = await postJson<CardResponse>('/api/gmail/action', {
    messageId: openMessageId,
    functionName: action.function,
    parameters: action.parameters ?? [],
    formInputs: formInputs(),
  });
  applyResponse(response);
}

function button(b: Json): HTMLElement {
  const action = actionOf(b.onClick);
  const link = b.onClick?.openLink?.url as string | undefined;
  return el(
    'button',
    {
      type: 'button',
      class: b.type === 'FILLED' || b.textButtonStyle === 'FILLED' ? 'filled' : '',
      'data-action': action?.function,
      disabled: b.disabled ? '' : undefined,
      click: () => (action ? void runAction(action) : link ? window.open(link, '_blank', 'noopener') : undefined),
    },
    String(b.text ?? ''),
  );
}

function widget(w: Json): HTMLElement | null {
  if (w.textParagraph) return el('div', { class: 'widget text' }, String(w.textParagraph.text ?? ''));
  if (w.decoratedText || w.keyValue) {
    const d = w.decoratedText ?? w.keyValue;
    const node = el(
      'div',
      { class: 'widget decorated', 'data-label': d.topLabel ?? '' },
      d.topLabel ? el('div', { class: 'top-label' }, String(d.topLabel)) : null,
      el('div', { class: 'text' }, String(d.text ?? d.content ?? '')),
      d.bottomLabel ? el('div', { class: 'bottom-label' }, String(d.bottomLabel)) : null,
      d.button ? button(d.button.textButton ?? d.button) : null,
    );
    const action = actionOf(d.onClick);
    if (action) node.addEventListener('click', () => void runAction(action));
    return node;
  }
  if (w.buttonList) return el('div', { class: 'widget buttons' }, ...(w.buttonList.buttons ?? []).map(button));
  if (w.textInput) {
    const t = w.textInput;
    const input = t.type === 'MULTIPLE_LINE' || t.multiline ? el('textarea', { 'data-field': t.name, rows: '3' }) : el('input', { 'data-field': t.name });
    input.value = String(t.value ?? '');
    if (t.hintText) input.setAttribute('placeholder', String(t.hintText));
    return el('div', { class: 'widget' }, el('label', {}, String(t.label ?? t.title ?? '')), input);
  }
  if (w.selectionInput) {
    const s = w.selectionInput;
    const select = el('select', { 'data-field': s.name }, ...(s.items ?? []).map((i: Json) => el('option', { value: String(i.value) }, String(i.text))));
    const selected = (s.items ?? []).find((i: Json) => i.selected);
    if (selected) select.value = String(selected.value);
    return el('div', { class: 'widget' }, el('label', {}, String(s.label ?? s.title ?? '')), select);
  }
  if (w.dateTimePicker || w.datePicker) {
    const d = w.dateTimePicker ?? w.datePicker;
    const input = el('input', { 'data-field': d.name, type: w.dateTimePicker ? 'datetime-local' : 'date' });
    if (d.valueMsEpoch) input.value = new Date(Number(d.valueMsEpoch)).toISOString().slice(0, w.dateTimePicker ? 16 : 10);
    return el('div', { class: 'widget' }, el('label', {}, String(d.label ?? d.title ?? '')), input);
  }
  if (w.divider !== undefined) return el('hr');
  return null;
}

function renderCard(card: Json, stats?: string, notification?: string): void {
  const header = card.header ?? {};
  addon.replaceChildren(
    el('div', { class: 'card-header' }, el('div', { class: 'card-title' }, String(header.title ?? '')), header.subtitle ? el('div', { class: 'card-subtitle' }, String(header.subtitle)) : null),
    notification ? el('div', { class: 'notification', role: 'status' }, notification) : null,
    ...(card.sections ?? []).map((s: Json) => el('section', {}, s.header ? el('h3', {}, String(s.header)) : null, ...(s.widgets ?? []).map(widget))),
    ...(card.fixedFooter ? [el('section', {}, card.fixedFooter.primaryButton ? button(card.fixedFooter.primaryButton) : null)] : []),
    stats ? el('div', { class: 'stats' }, stats) : null,
  );
}

function statsOf(r: CardResponse): string {
  return `${r.calls} service calls · ${(r.elapsedMs / 1000).toFixed(1)} s of the 30 s add-on limit`;
}

function applyResponse(r: CardResponse): void {
  if (!r.ok) {
    addon.replaceChildren(el('div', { class: 'notification', role: 'alert' }, `${r.error?.name}: ${r.error?.message}`));
    return;
  }
  if (r.card) {
    stack.splice(0, stack.length, r.card as Json);
    renderCard(r.card as Json, statsOf(r));
    return;
  }
  const response = (r.response ?? {}) as Json;
  const notification = response.notification?.text as string | undefined;
  for (const nav of response.navigations ?? []) {
    if (nav.pushCard) stack.push(nav.pushCard);
    if (nav.updateCard) stack.splice(stack.length - 1, 1, nav.updateCard);
    if (nav.popCard) stack.pop();
    if (nav.popToRoot) stack.splice(1);
  }
  renderCard(stack[stack.length - 1] ?? {}, statsOf(r), notification);
}

async function open(message: MessageView, button: HTMLElement): Promise<void> {
  openMessageId = message.id;
  list.querySelectorAll('button').forEach((b) => b.classList.remove('active'));
  button.classList.add('active');
  view.replaceChildren(el('h2', {}, message.subject), el('div', { class: 'from' }, message.from), el('div', { class: 'muted' }, message.date), el('p', {}, message.body));
  applyResponse(await postJson<CardResponse>('/api/gmail/open', { messageId: message.id }));
}

void (async () => {
  const messages = await getJson<MessageView[]>('/api/gmail/messages');
  for (const m of messages) {
    const b: HTMLElement = el('button', { type: 'button', 'data-message': m.id, click: () => void open(m, b) }, el('div', { class: 'from' }, m.from), el('div', { class: 'subject' }, m.subject));
    list.append(b);
  }
  applyResponse(await postJson<CardResponse>('/api/gmail/homepage'));
})();
