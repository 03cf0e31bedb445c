// CalendarEvent and EventGuest. A CalendarEvent is a handle on the stored event: changes are round trips
// (`CalendarApp.CalendarEvent.<method>`), reads use the event as last fetched, which costs nothing (in Apps Script the
// object carries the event's data).

import { ServiceContext } from '../context';
import { GasException } from '../errors';
import { Emulated, member } from '../script/emulated';
import { dateKey, midnightOf } from '../script/time-zone';
import {
  BURST,
  DELETED,
  MAX_REMINDERS,
  NOT_ALL_DAY,
  TOO_MANY_REMINDERS,
  applyTag,
  isEmail,
  requireDate,
  requireOrder,
  requireReminderMinutes,
  requireString,
} from './rules';
import { CalendarStore, EventRecord, GuestStatusName } from './store';
import { jsonBytes } from '../wire-size';

type GuestStatus = GoogleAppsScript.Calendar.GuestStatus;

type EventGuestApi = Emulated<GoogleAppsScript.Calendar.EventGuest, 'getEmail' | 'getGuestStatus' | 'getName'>;

class EventGuest implements EventGuestApi {
  readonly #email: string;
  readonly #status: GuestStatusName;

  constructor(email: string, status: GuestStatusName) {
    this.#email = email;
    this.#status = status;
  }

  getEmail(): string {
    return this.#email;
  }

  getGuestStatus(): GuestStatus {
    return member(this.#status);
  }

  /** Our guests have no display name; Apps Script then gives the address. */
  getName(): string {
    return this.#email;
  }
}

type CalendarEventApi = Emulated<
  GoogleAppsScript.Calendar.CalendarEvent,
  | 'getId'
  | 'getTitle'
  | 'setTitle'
  | 'getDescription'
  | 'setDescription'
  | 'getLocation'
  | 'setLocation'
  | 'getStartTime'
  | 'getEndTime'
  | 'setTime'
  | 'isAllDayEvent'
  | 'setAllDayDate'
  | 'setAllDayDates'
  | 'getAllDayStartDate'
  | 'getAllDayEndDate'
  | 'addGuest'
  | 'removeGuest'
  | 'getGuestList'
  | 'getGuestByEmail'
  | 'getMyStatus'
  | 'addPopupReminder'
  | 'addEmailReminder'
  | 'removeAllReminders'
  | 'getPopupReminders'
  | 'getEmailReminders'
  | 'setTag'
  | 'getTag'
  | 'deleteTag'
  | 'getAllTagKeys'
  | 'getLastUpdated'
  | 'getDateCreated'
  | 'getOriginalCalendarId'
  | 'getCreators'
  | 'isOwnedByMe'
  | 'deleteEvent'
>;

export class CalendarEvent implements CalendarEventApi {
  readonly #store: CalendarStore;
  readonly #ctx: ServiceContext;
  readonly #id: string;

  constructor(store: CalendarStore, ctx: ServiceContext, id: string) {
    this.#store = store;
    this.#ctx = ctx;
    this.#id = id;
  }

  get #event(): EventRecord {
    const e = this.#store.live(this.#id);
    if (!e) throw new GasException(DELETED);
    return e;
  }

  get #zone(): string {
    return this.#store.calendar(this.#event.calendarId)?.timeZone ?? this.#ctx.session.timeZone;
  }

  /** One round trip that changes the event; a deleted event cannot be changed. */
  #change(method: string, fn: (e: EventRecord, now: number) => void): this {
    this.#ctx.call(
      `CalendarApp.CalendarEvent.${method}`,
      () => {
        const e = this.#event;
        if (e.deleted) throw new GasException(DELETED);
        const now = this.#ctx.clock.now();
        fn(e, now);
        e.updated = now;
      },
      { received: () => jsonBytes(this.#store.live(this.#id) ?? null) },
    );
    return this;
  }

  getId(): string {
    return this.#id;
  }

  getTitle(): string {
    return this.#event.title;
  }

  setTitle(title: string): this {
    const t = requireString(title, 'CalendarApp.CalendarEvent.setTitle', [title]);
    return this.#change('setTitle', (e) => {
      e.title = t;
    });
  }

  getDescription(): string {
    return this.#event.description;
  }

  setDescription(description: string): this {
    const d = requireString(description, 'CalendarApp.CalendarEvent.setDescription', [description]);
    return this.#change('setDescription', (e) => {
      e.description = d;
    });
  }

  getLocation(): string {
    return this.#event.location;
  }

  setLocation(location: string): this {
    const l = requireString(location, 'CalendarApp.CalendarEvent.setLocation', [location]);
    return this.#change('setLocation', (e) => {
      e.location = l;
    });
  }

  getStartTime(): Date {
    return new Date(this.#event.start);
  }

  getEndTime(): Date {
    return new Date(this.#event.end);
  }

  /** Moves the event; an all-day event becomes a timed one. */
  setTime(startTime: GoogleAppsScript.Base.Date, endTime: GoogleAppsScript.Base.Date): this {
    const start = requireDate(startTime, 'CalendarApp.CalendarEvent.setTime', [startTime, endTime]);
    const end = requireDate(endTime, 'CalendarApp.CalendarEvent.setTime', [startTime, endTime]);
    requireOrder(start, end);
    return this.#change('setTime', (e) => {
      e.allDay = false;
      e.start = start;
      e.end = end;
      delete e.startDate;
      delete e.endDate;
      // Times given as instants carry no zone of their own: the event shows in its calendar's zone again.
      delete e.startTimeZone;
      delete e.endTimeZone;
    });
  }

  isAllDayEvent(): boolean {
    return this.#event.allDay;
  }

  /** Makes it an all-day event on the date (in the calendar's zone) of `date`. */
  setAllDayDate(date: GoogleAppsScript.Base.Date): this {
    const t = requireDate(date, 'CalendarApp.CalendarEvent.setAllDayDate', [date]);
    const zone = this.#zone;
    return this.#change('setAllDayDate', (e) =>
      setAllDay(e, zone, dateKey(zone, t), dateKey(zone, midnightOf(zone, dateKey(zone, t), 1))),
    );
  }

  /** All-day from `startDate` to `endDate` (exclusive), dates taken in the calendar's zone. */
  setAllDayDates(startDate: GoogleAppsScript.Base.Date, endDate: GoogleAppsScript.Base.Date): this {
    const s = requireDate(startDate, 'CalendarApp.CalendarEvent.setAllDayDates', [startDate, endDate]);
    const t = requireDate(endDate, 'CalendarApp.CalendarEvent.setAllDayDates', [startDate, endDate]);
    const zone = this.#zone;
    const from = dateKey(zone, s);
    const to = dateKey(zone, t);
    requireOrder(Date.parse(from), Date.parse(to));
    return this.#change('setAllDayDates', (e) => setAllDay(e, zone, from, to));
  }

  getAllDayStartDate(): Date {
    const e = this.#event;
    if (!e.allDay) throw new GasException(NOT_ALL_DAY);
    return new Date(e.start);
  }

  getAllDayEndDate(): Date {
    const e = this.#event;
    if (!e.allDay) throw new GasException(NOT_ALL_DAY);
    return new Date(e.end);
  }

  addGuest(email: string): this {
    const address = requireString(email, 'CalendarApp.CalendarEvent.addGuest', [email]).trim();
    if (!isEmail(address)) throw new GasException('Invalid argument: email');
    return this.#change('addGuest', (e) => {
      if (!e.guests.some((g) => g.email.toLowerCase() === address.toLowerCase()))
        e.guests.push({ email: address, status: 'INVITED' });
    });
  }

  removeGuest(email: string): this {
    const address = requireString(email, 'CalendarApp.CalendarEvent.removeGuest', [email]).trim().toLowerCase();
    return this.#change('removeGuest', (e) => {
      e.guests = e.guests.filter((g) => g.email.toLowerCase() !== address);
    });
  }

  /** The guests, without the owner unless asked. */
  getGuestList(includeOwner = false): EventGuest[] {
    const e = this.#event;
    const guests = e.guests.map((g) => new EventGuest(g.email, g.status));
    return includeOwner ? [new EventGuest(e.creator, 'OWNER'), ...guests] : guests;
  }

  getGuestByEmail(email: string): EventGuest | null {
    const g = this.#event.guests.find((x) => x.email.toLowerCase() === String(email).trim().toLowerCase());
    return g ? new EventGuest(g.email, g.status) : null;
  }

  /** The account created every event it can see here, so it is the owner. */
  getMyStatus(): GuestStatus {
    return member('OWNER');
  }

  #addReminder(method: string, kind: 'popupReminders' | 'emailReminders', minutesBefore: number): this {
    const minutes = requireReminderMinutes(minutesBefore);
    return this.#change(method, (e) => {
      if (e.useDefaultReminders) {
        // Setting a reminder replaces the calendar's defaults with the event's own list.
        e.useDefaultReminders = false;
        e.popupReminders = [];
        e.emailReminders = [];
      }
      if (e.popupReminders.length + e.emailReminders.length >= MAX_REMINDERS)
        throw new GasException(TOO_MANY_REMINDERS);
      e[kind].push(minutes);
    });
  }

  addPopupReminder(minutesBefore: number): this {
    return this.#addReminder('addPopupReminder', 'popupReminders', minutesBefore);
  }

  addEmailReminder(minutesBefore: number): this {
    return this.#addReminder('addEmailReminder', 'emailReminders', minutesBefore);
  }

  removeAllReminders(): this {
    return this.#change('removeAllReminders', (e) => {
      e.useDefaultReminders = false;
      e.popupReminders = [];
      e.emailReminders = [];
    });
  }

  /** The event's own popup reminders (empty while it uses the calendar's defaults). */
  getPopupReminders(): number[] {
    return this.#event.popupReminders.slice();
  }

  getEmailReminders(): number[] {
    return this.#event.emailReminders.slice();
  }

  setTag(key: string, value: string): this {
    const k = requireString(key, 'CalendarApp.CalendarEvent.setTag', [key, value]);
    const v = requireString(value, 'CalendarApp.CalendarEvent.setTag', [key, value]);
    return this.#change('setTag', (e) => applyTag(e.tags, k, v));
  }

  /** Null when the tag is not set, as in Apps Script (Google's typings say `string`). */
  getTag(key: string): string {
    return (this.#event.tags[String(key)] ?? null) as string;
  }

  deleteTag(key: string): this {
    const k = String(key);
    return this.#change('deleteTag', (e) => {
      delete e.tags[k];
    });
  }

  getAllTagKeys(): string[] {
    return Object.keys(this.#event.tags);
  }

  getLastUpdated(): Date {
    return new Date(this.#event.updated);
  }

  getDateCreated(): Date {
    return new Date(this.#event.created);
  }

  getOriginalCalendarId(): string {
    return this.#event.calendarId;
  }

  getCreators(): string[] {
    return [this.#event.creator];
  }

  isOwnedByMe(): boolean {
    return true;
  }

  deleteEvent(): void {
    this.#ctx.call('CalendarApp.CalendarEvent.deleteEvent', () => {
      const e = this.#event;
      if (e.deleted) throw new GasException(DELETED);
      const now = this.#ctx.clock.now();
      if (!this.#store.burstAllows(now)) throw new GasException(BURST);
      e.deleted = true;
      e.updated = now;
    });
  }
}

/** Makes `e` an all-day event over [startDate, endDate) in `zone`. */
export function setAllDay(e: EventRecord, zone: string, startDate: string, endDate: string): void {
  e.allDay = true;
  delete e.startTimeZone;
  delete e.endTimeZone;
  e.startDate = startDate;
  e.endDate = endDate;
  e.start = midnightOf(zone, startDate);
  e.end = midnightOf(zone, endDate);
}
