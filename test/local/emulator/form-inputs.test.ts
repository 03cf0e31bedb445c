// The form values of a card action as Gmail sends them: per widget type (stringInputs, dateTimeInput, dateInput), the
// card's own values for untouched widgets, and a refusal for a value no person could give the widget.

import { CallLog, FaultInjector, GmailStore, ServiceContext, VirtualClock } from 'workspace-emulator';
import { actionEvent, cardToJson, createCardService } from 'workspace-emulator';
import type { CardJson, PickedValues, Workspace } from 'workspace-emulator';

const CardService = createCardService();

function fakeWorkspace(userTimeZone = 'Europe/Moscow'): Workspace {
  const clock = new VirtualClock('2024-03-01T09:00:00Z');
  const ctx = new ServiceContext(clock, new CallLog(), new FaultInjector(1), {
    email: 'office@example.com',
    locale: 'ru',
    timeZone: 'Europe/Moscow',
  });
  ctx.session.userTimeZone = userTimeZone;
  return { ctx, clock, gmail: GmailStore.fromJSON(undefined), manifests: {} } as unknown as Workspace;
}

const AT = Date.UTC(2024, 2, 5, 7, 0); // 10:00 in Moscow

function form(): CardJson {
  const section = CardService.newCardSection()
    .addWidget(CardService.newTextInput().setFieldName('note').setTitle('Заметка').setValue('Тема письма'))
    .addWidget(CardService.newTextInput().setFieldName('empty').setTitle('Пусто'))
    .addWidget(
      CardService.newSelectionInput()
        .setType(CardService.SelectionInputType.DROPDOWN)
        .setFieldName('reason')
        .setTitle('Повод')
        .addItem('Заказ', 'order', true)
        .addItem('Оплата', 'pay', false),
    )
    .addWidget(
      CardService.newSelectionInput()
        .setType(CardService.SelectionInputType.CHECK_BOX)
        .setFieldName('tags')
        .setTitle('Метки')
        .addItem('VIP', 'vip', false)
        .addItem('Новый', 'new', false),
    )
    .addWidget(
      CardService.newDateTimePicker()
        .setFieldName('at')
        .setTitle('Когда')
        .setValueInMsSinceEpoch(AT)
        .setTimeZoneOffsetInMins(180),
    )
    .addWidget(CardService.newDateTimePicker().setFieldName('unset').setTitle('Без значения'))
    .addWidget(CardService.newDatePicker().setFieldName('day').setTitle('День'));
  return cardToJson(CardService.newCardBuilder().addSection(section).build());
}

/** `card` null: an action run with no card. */
const submit = (picked: PickedValues, card: CardJson | null = form(), ws = fakeWorkspace()) =>
  actionEvent(ws, undefined, { a: 'b' }, picked, card ?? undefined) as ReturnType<typeof actionEvent> &
    Record<string, unknown>;

describe('card form inputs', () => {
  it('untouched widgets send what the card was built with; empty and unset ones send nothing', () => {
    expect(submit({}).commonEventObject.formInputs).toEqual({
      note: { stringInputs: { value: ['Тема письма'] } },
      reason: { stringInputs: { value: ['order'] } },
      at: { dateTimeInput: { msSinceEpoch: String(AT), hasDate: true, hasTime: true } },
    });
  });

  it('a date-time picker sends dateTimeInput, the wall clock picked read at the picker offset', () => {
    const e = submit({ at: { date: '2024-03-07', time: '15:30' } });
    expect(e.commonEventObject.formInputs.at).toEqual({
      dateTimeInput: { msSinceEpoch: String(Date.UTC(2024, 2, 7, 12, 30)), hasDate: true, hasTime: true },
    });
    // Not a string anywhere, and not in the legacy string maps.
    expect(e.commonEventObject.formInputs.at).not.toHaveProperty('stringInputs');
    expect(e.formInput).not.toHaveProperty('at');
    expect(e.formInputs).not.toHaveProperty('at');
  });

  it("a picker without an offset is read in the user's zone; a Date is the instant itself", () => {
    const ws = fakeWorkspace('Asia/Tbilisi');
    const e = submit({ unset: { date: '2024-03-07', time: '15:30' } }, form(), ws);
    expect(e.commonEventObject.formInputs.unset).toEqual({
      dateTimeInput: { msSinceEpoch: String(Date.UTC(2024, 2, 7, 11, 30)), hasDate: true, hasTime: true },
    });
    const when = new Date(Date.UTC(2024, 2, 9, 6, 15));
    expect(submit({ at: when }).commonEventObject.formInputs.at).toEqual({
      dateTimeInput: { msSinceEpoch: String(when.getTime()), hasDate: true, hasTime: true },
    });
  });

  it('a day alone in a date-time picker has no time; a cleared picker is absent', () => {
    const inputs = submit({ at: { date: '2024-03-07' }, unset: null }).commonEventObject.formInputs;
    expect(inputs.at).toEqual({
      dateTimeInput: { msSinceEpoch: String(Date.UTC(2024, 2, 7)), hasDate: true, hasTime: false },
    });
    expect(submit({ at: null }).commonEventObject.formInputs).not.toHaveProperty('at');
  });

  it('a date picker sends dateInput: the day at 00:00 UTC', () => {
    expect(submit({ day: { date: '2024-02-29' } }).commonEventObject.formInputs.day).toEqual({
      dateInput: { msSinceEpoch: String(Date.UTC(2024, 1, 29)) },
    });
    expect(submit({ day: new Date(Date.UTC(2024, 1, 29)) }).commonEventObject.formInputs.day).toEqual({
      dateInput: { msSinceEpoch: String(Date.UTC(2024, 1, 29)) },
    });
  });

  it('text and selections send stringInputs, in the current and the legacy places', () => {
    const e = submit({ note: 'Перезвонить', tags: ['vip', 'new'], empty: '' });
    expect(e.commonEventObject.formInputs).toMatchObject({
      note: { stringInputs: { value: ['Перезвонить'] } },
      tags: { stringInputs: { value: ['vip', 'new'] } },
    });
    expect(e.commonEventObject.formInputs).not.toHaveProperty('empty');
    expect(e.formInput).toEqual({ note: 'Перезвонить', reason: 'order', tags: 'vip' });
    expect(e.formInputs).toEqual({ note: ['Перезвонить'], reason: ['order'], tags: ['vip', 'new'] });
  });

  it('refuses a value no person could give the widget', () => {
    // Text typed into a picker: what the old emulator sent for every field.
    expect(() => submit({ at: '2024-03-07T15:30' })).toThrow(/"at": a date-time picker takes a Date/);
    expect(() => submit({ at: ['1709812200000'] as never })).toThrow(/"at"/);
    expect(() => submit({ day: { date: '2024-02-30' } })).toThrow(/not a day/);
    expect(() => submit({ day: new Date(AT) })).toThrow(/a day at 00:00 UTC/);
    expect(() => submit({ at: { date: '2024-03-07', time: '25:00' } })).toThrow(/not a time/);
    expect(() => submit({ note: new Date(AT) })).toThrow(/"note": a text input takes a string/);
    expect(() => submit({ reason: 'other' })).toThrow(/"other" is not the value of any of its items/);
    expect(() => submit({ reason: ['order', 'pay'] })).toThrow(/a DROPDOWN selects one item/);
    expect(() => submit({ reason: null })).toThrow(/always has an item selected/);
    expect(() => submit({ nosuch: 'x' })).toThrow(/no input widget with that field name/);
    expect(() => submit({ note: 'x' }, null)).toThrow(/no card was given/);
  });
});
