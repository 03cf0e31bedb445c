// What Gmail puts in commonEventObject.formInputs when a card action runs: "the current values of the widgets in the
// displayed card", shaped per widget type (https://developers.google.com/workspace/chat/api/reference/rest/v1/Event ,
// CommonEventObject.formInputs and Inputs; the same object the add-on event reference
// https://developers.google.com/workspace/add-ons/concepts/event-objects describes):
//   text inputs and selection inputs: {stringInputs: {value: [...]}} (one string, or one per checked box);
//   a date-time picker:               {dateTimeInput: {msSinceEpoch, hasDate, hasTime}};
//   a date-only picker:               {dateInput: {msSinceEpoch}}, the picked day at 00:00:00 UTC (the Card reference's
//                                     DATE_ONLY value: "a calendar date at 00:00:00 UTC").
// msSinceEpoch is "string (int64 format)" in Google's reference and in @types/google-apps-script; we send a string
// (UNVERIFIED whether Apps Script hands V8 a string or a number: code in the wild tests both). A date-time picker shows
// its value "in the specified time zone" (setTimeZoneOffsetInMins), else in "the user's time zone setting"; the wall
// clock a person picks there is read in that zone.
//
// A host says what the person did; untouched widgets keep the values the card was built with, as Gmail sends them.
//   text input:      a string ('' or null: emptied);
//   selection input: an item's value, or several for CHECK_BOX / SWITCH / MULTI_SELECT (each must be an item's value);
//   date picker:     {date: 'YYYY-MM-DD'} or a Date at 00:00 UTC;
//   date-time:       a Date (the instant), {date, time: 'HH:MM'} (the picker's wall clock), or {date} alone;
//   any picker:      null, the picker cleared.
// A value of the wrong kind for its widget is refused: a person cannot type text into a picker.
// UNVERIFIED, chosen strict: an empty text input, a selection with nothing selected and a cleared or unset picker send
// nothing (the field is absent); a DROPDOWN or RADIO_BUTTON with items cannot be emptied; a date-time picker given a
// date and no time sends hasTime false with the day at 00:00 UTC.

import type { CardJson, DatePickerJson, SelectionInputJson, TextInputJson, WidgetJson } from './card-json';
import { offsetMinutes } from '../script/time-zone';

export type PickedValue = string | string[] | Date | { date: string; time?: string } | null;

/** What the person typed, picked or cleared, by field name. */
export type PickedValues = Record<string, PickedValue>;

export type FormInput =
  | { stringInputs: { value: string[] } }
  | { dateTimeInput: { msSinceEpoch: string; hasDate: boolean; hasTime: boolean } }
  | { dateInput: { msSinceEpoch: string } };

type InputWidget = TextInputJson | SelectionInputJson | DatePickerJson;

const MULTI_VALUED = ['CHECK_BOX', 'SWITCH', 'MULTI_SELECT'];
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2})$/;
const DAY_MS = 86_400_000;

/** A host's mistake, not the add-on's: a value no person could give this card. */
function refused(field: string, why: string): Error {
  return new TypeError(`Form input "${field}": ${why}`);
}

function inputWidgets(card: CardJson): Map<string, InputWidget> {
  const out = new Map<string, InputWidget>();
  const all: WidgetJson[] = card.sections.flatMap((s) => s.widgets);
  for (const w of all)
    if (w.type === 'textInput' || w.type === 'selectionInput' || w.type === 'datePicker' || w.type === 'dateTimePicker')
      out.set(w.fieldName, w);
  return out;
}

function strings(value: string[]): FormInput | undefined {
  return value.length ? { stringInputs: { value } } : undefined;
}

function textInput(field: string, picked: PickedValue): FormInput | undefined {
  if (picked === null || picked === '') return undefined;
  if (typeof picked !== 'string') throw refused(field, 'a text input takes a string.');
  return strings([picked]);
}

function selectionInput(w: SelectionInputJson, picked: PickedValue): FormInput | undefined {
  const values = picked === null ? [] : Array.isArray(picked) ? picked : [picked];
  if (values.some((v) => typeof v !== 'string'))
    throw refused(w.fieldName, 'a selection input takes the values of its items.');
  const multi = MULTI_VALUED.includes(w.selectionType);
  if (!multi && values.length > 1) throw refused(w.fieldName, `a ${w.selectionType} selects one item.`);
  if (!multi && !values.length && w.items.length)
    throw refused(w.fieldName, `a ${w.selectionType} always has an item selected.`);
  const known = new Set(w.items.map((i) => i.value));
  const stranger = (values as string[]).find((v) => !known.has(v));
  if (stranger !== undefined) throw refused(w.fieldName, `"${stranger}" is not the value of any of its items.`);
  return strings(values as string[]);
}

function dayMs(field: string, date: string): number {
  const m = DAY.exec(date);
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : NaN;
  if (!m || new Date(ms).getUTCDate() !== Number(m[3])) throw refused(field, `"${date}" is not a day (YYYY-MM-DD).`);
  return ms;
}

function timeMs(field: string, time: string): number {
  const m = TIME.exec(time);
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) throw refused(field, `"${time}" is not a time (HH:MM).`);
  return (Number(m[1]) * 60 + Number(m[2])) * 60_000;
}

function isDay(v: PickedValue): v is { date: string; time?: string } {
  return !!v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date) && typeof v.date === 'string';
}

function datePicker(field: string, picked: PickedValue): FormInput | undefined {
  if (picked === null) return undefined;
  if (picked instanceof Date) {
    if (picked.getTime() % DAY_MS !== 0) throw refused(field, 'a date picker gives a day at 00:00 UTC, not a time.');
    return { dateInput: { msSinceEpoch: String(picked.getTime()) } };
  }
  if (!isDay(picked) || picked.time !== undefined) throw refused(field, 'a date picker takes {date: "YYYY-MM-DD"}.');
  return { dateInput: { msSinceEpoch: String(dayMs(field, picked.date)) } };
}

/** The zone a date-time picker shows its value in: its own offset, else the user's zone at that moment. */
function pickerOffsetMinutes(w: DatePickerJson, userZone: string, around: number): number {
  return w.timeZoneOffsetMins ?? offsetMinutes(userZone, around);
}

function dateTimePicker(w: DatePickerJson, picked: PickedValue, userZone: string): FormInput | undefined {
  if (picked === null) return undefined;
  const field = w.fieldName;
  if (picked instanceof Date) {
    if (isNaN(picked.getTime())) throw refused(field, 'an invalid Date.');
    return { dateTimeInput: { msSinceEpoch: String(picked.getTime()), hasDate: true, hasTime: true } };
  }
  if (!isDay(picked)) throw refused(field, 'a date-time picker takes a Date or {date: "YYYY-MM-DD", time: "HH:MM"}.');
  const day = dayMs(field, picked.date);
  if (picked.time === undefined) return { dateTimeInput: { msSinceEpoch: String(day), hasDate: true, hasTime: false } };
  const wall = day + timeMs(field, picked.time);
  const at = wall - pickerOffsetMinutes(w, userZone, wall) * 60_000;
  return { dateTimeInput: { msSinceEpoch: String(at), hasDate: true, hasTime: true } };
}

/** What an untouched widget sends: the value the card was built with. */
function builtValue(w: InputWidget): FormInput | undefined {
  if (w.type === 'textInput') return w.value ? strings([w.value]) : undefined;
  if (w.type === 'selectionInput') return strings(w.items.filter((i) => i.selected).map((i) => i.value));
  if (w.valueMsEpoch === undefined) return undefined;
  const msSinceEpoch = String(w.valueMsEpoch);
  return w.type === 'datePicker'
    ? { dateInput: { msSinceEpoch } }
    : { dateTimeInput: { msSinceEpoch, hasDate: true, hasTime: true } };
}

function pickedValue(w: InputWidget, picked: PickedValue, userZone: string): FormInput | undefined {
  if (w.type === 'textInput') return textInput(w.fieldName, picked);
  if (w.type === 'selectionInput') return selectionInput(w, picked);
  if (w.type === 'datePicker') return datePicker(w.fieldName, picked);
  return dateTimePicker(w, picked, userZone);
}

/**
 * commonEventObject.formInputs for an action of `card`: every input widget's current value, `picked` overriding what
 * the card was built with. Without a card nothing can be picked. `userZone` is the zone Gmail shows pickers in when
 * the card sets no offset.
 */
export function formInputsOf(
  card: CardJson | undefined,
  picked: PickedValues,
  userZone: string,
): Record<string, FormInput> {
  const names = Object.keys(picked ?? {});
  if (!card) {
    if (names.length) throw refused(names[0], 'no card was given, so no widget can hold a value.');
    return {};
  }
  const widgets = inputWidgets(card);
  const stranger = names.find((n) => !widgets.has(n));
  if (stranger !== undefined) throw refused(stranger, 'the card has no input widget with that field name.');
  const out: Record<string, FormInput> = {};
  for (const [name, w] of widgets) {
    const value = names.includes(name) ? pickedValue(w, picked[name], userZone) : builtValue(w);
    if (value) out[name] = value;
  }
  return out;
}

/**
 * The legacy top-level formInput / formInputs: string values only (the reference calls them maps of strings); a
 * picker is absent from them (UNVERIFIED: Google does not say what the legacy fields hold for a picker; we are strict).
 */
export function legacyFormInputs(inputs: Record<string, FormInput>): {
  formInput: Record<string, string>;
  formInputs: Record<string, string[]>;
} {
  const formInput: Record<string, string> = {};
  const formInputs: Record<string, string[]> = {};
  for (const [name, input] of Object.entries(inputs)) {
    if (!('stringInputs' in input)) continue;
    formInput[name] = input.stringInputs.value[0];
    formInputs[name] = input.stringInputs.value.slice();
  }
  return { formInput, formInputs };
}
