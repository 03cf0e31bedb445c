// The follow-up lists: what is due (today and overdue, by manager), who has gone quiet, who showed interest without
// ordering, and missed calls waiting for a callback. The due list costs two requests whatever the log's size: one read
// of the Events sheet (which holds each client's phone, so People is not asked) and the spreadsheet's time zone.

import {
  dueList,
  EventRecord,
  groupByManager,
  handTypedIds,
  interestedNoOrder,
  missedCalls,
  quietClients,
  quietDaysByLabel,
  QuietClientInput,
  quietOptions,
  readMoment,
} from '../../core/events';
import type { DueView, QuietClientView, RemindersView } from '../../shared/events-dto';
import { listAllContacts } from '../people/gateway';
import { labelNames, labelsOf } from '../people/labels';
import { personName, personPhone } from '../clients/person';
import { scriptClock } from '../clock';
import { accepted } from './messages';
import { OfficeContext } from './office';
import { EventLog, readEvents } from './sheet';
import { eventView, problemView } from './views';

/** The day the office started with reminders: quiet clients who crossed their period before it are spread from it. */
const START_DAY = 'crm.reminders.startDay';

function moment(at: string | undefined, office: OfficeContext): Date {
  return accepted(readMoment(at, scriptClock), office);
}

function dueView(log: EventLog, now: Date, timeZone: string, items = dueList(log.events, now, timeZone)): DueView {
  return {
    at: now.toISOString(),
    timeZone,
    groups: groupByManager(items).map((g) => ({
      manager: g.manager,
      events: g.items.map((i) => ({
        ...eventView(i.event),
        overdue: i.overdue,
        lastContact: i.lastContact
          ? { at: i.lastContact.at.toISOString(), kind: i.lastContact.kind, reason: i.lastContact.reason }
          : null,
      })),
    })),
    problems: log.problems.map(problemView),
  };
}

export function getDueList(at?: string): DueView {
  const office = new OfficeContext();
  const now = moment(at, office);
  // No locale is looked up (it would cost a third request): row problems here are worded in English.
  const log = readEvents(office, { now });
  return dueView(log, now, office.timeZone);
}

function startDay(now: Date): Date {
  const props = PropertiesService.getScriptProperties();
  const stored = props.getProperty(START_DAY);
  const parsed = stored ? new Date(stored) : undefined;
  if (parsed && !isNaN(parsed.getTime())) return parsed;
  props.setProperty(START_DAY, now.toISOString());
  return now;
}

/** Clients who have gone quiet; `days` replaces every period (the label's and the default). One contacts listing. */
function quietList(office: OfficeContext, log: EventLog, now: Date, days?: number): QuietClientView[] {
  const groupNames = labelNames();
  const byName = new Map<string, { labels: string[]; phone: string }>();
  const clients: QuietClientInput[] = listAllContacts('names,phoneNumbers,memberships').map((p) => {
    const labels = labelsOf(p, groupNames);
    const client = { resourceName: String(p.resourceName ?? ''), name: personName(p), labels, phone: personPhone(p) };
    byName.set(client.resourceName, { labels, phone: client.phone });
    return client;
  });
  const list = quietClients(
    clients,
    log.events,
    quietOptions(now, office.timeZone, days, {
      get defaultDays() {
        return office.settings.get('quietDaysDefault');
      },
      get daysByLabel() {
        return quietDaysByLabel(office.labels);
      },
      get startDay() {
        return startDay(now);
      },
    }),
  );
  return list.map((q) => ({
    resourceName: q.resourceName,
    name: q.name,
    phone: q.phone ?? byName.get(q.resourceName)?.phone ?? '',
    labels: byName.get(q.resourceName)?.labels ?? [],
    lastAt: q.lastAt ? q.lastAt.toISOString() : null,
    days: q.days,
    dueDay: q.dueDay,
  }));
}

export function getQuietClients(at?: string, days?: number): QuietClientView[] {
  const office = new OfficeContext();
  const now = moment(at, office);
  return quietList(office, readEvents(office, { now }), now, days);
}

/** Rows typed by hand get their ids (core handTypedIds) written: one write per run of adjacent rows. */
function giveIds(log: EventLog, events: EventRecord[]): void {
  if (log.table.columns.id < 0) return;
  const fresh = handTypedIds(events);
  for (const f of fresh) f.event.id = f.id;
  log.table.updateColumn(
    'id',
    fresh.map((f) => ({ rowNumber: f.event.rowNumber, value: f.id })),
  );
}

export function getReminders(at?: string): RemindersView {
  const office = new OfficeContext();
  const now = moment(at, office);
  const locale = office.locale;
  const log = readEvents(office, { now, locale });
  const due = dueList(log.events, now, office.timeZone);
  const missed = missedCalls(log.events);
  giveIds(log, [...due.map((d) => d.event), ...missed.map((m) => m.event)]);
  const settings = office.settings;
  return {
    locale,
    due: dueView(log, now, office.timeZone, due),
    quiet: quietList(office, log, now),
    interested: interestedNoOrder(log.events, settings.get('interestReason'), settings.get('orderReason')).map((i) => ({
      clientId: i.clientId,
      client: i.client,
      phone: i.event.phone,
      at: i.event.at.toISOString(),
      reason: i.event.reason,
    })),
    missedCalls: missed.map((m) => eventView(m.event)),
    problems: log.problems.map(problemView),
    kinds: office.lists.kinds,
    reasons: office.lists.reasons,
    managers: office.staff.map((s) => s.name).filter((n) => n !== ''),
  };
}
