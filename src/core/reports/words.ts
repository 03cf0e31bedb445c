// Words of the Reports and Dashboard sheets in the office's language: sheet titles, the choice cells' labels and
// period words, section titles and column headers. Kept beside the layout that uses them (like core/events/messages.ts)
// rather than in the sidebars' catalogue.

import { catalog } from '../i18n/catalog';
import type { Locale } from '../i18n/locale';
import type { PeriodKind } from '../../shared/reports-dto';
import { headerKey } from '../sheets/template';

export const reportWord = catalog({
  en: {
    reportsSheet: 'Reports',
    dashboardSheet: 'Dashboard',
    reportsTitle: 'Reports — done events, follow-ups, new and quiet clients, the funnel',
    dashboardTitle: 'Dashboard',
    period: 'Period',
    from: 'From',
    to: 'To (custom period)',
    periodHint: 'day, week, month, quarter or custom',
    fromHint: 'a day of the period; empty = today',
    toHint: 'the last day, for a custom period',
    updated: 'Updated',
    shown: 'Period shown',
    refreshHint: 'CRM → Reports → Refresh (also every night)',
    count: 'Done',
    manager: 'Manager',
    kind: 'Kind',
    reason: 'Reason',
    label: 'Label',
    shift: 'Shift',
    byManagerKind: 'Done events by manager and kind',
    byManagerReason: 'Done events by manager and reason',
    byKindReason: 'Done events by kind and reason',
    byLabel: 'Done events by client label',
    byManagerShift: 'Done events by manager and shift',
    followUps: 'Follow-ups per manager (planned in the period)',
    planned: 'Planned',
    onTime: 'Done on time',
    late: 'Done late',
    overdue: 'Overdue',
    newClients: 'New clients',
    newTotal: 'New clients in the period',
    quiet: 'Clients gone quiet today, by label',
    quietCount: 'Quiet',
    funnel: 'Funnel (clients with a done event of the stage)',
    stage: 'Stage',
    clients: 'Clients',
    conversion: 'Conversion from the stage before, %',
    morning: 'morning',
    evening: 'evening',
    allDay: 'all day',
    none: '(none)',
    nothing: 'nothing in this period',
    noStages: 'no funnel stages: number the reasons in Lists → "Funnel stage"',
    kpiMonth: 'Month',
    kpiActive: 'Active clients this month',
    kpiNew: 'New clients this month',
    kpiCalls: 'Calls this month',
    kpiMeetings: 'Meetings this month',
    kpiOnTime: 'Follow-ups done on time, %',
    week: 'Week (Monday) · manager',
    month: 'Month',
    chartEventsPerWeek: 'Done events per week by manager, by kind',
    chartNewPerMonth: 'New clients per month',
    chartFunnel: 'Funnel',
    chartOverdue: 'Overdue follow-ups by manager',
    overdueCount: 'Overdue',
    day: 'day',
    weekKind: 'week',
    monthKind: 'month',
    quarter: 'quarter',
    custom: 'custom',
  },
  ru: {
    reportsSheet: 'Отчёты',
    dashboardSheet: 'Панель',
    reportsTitle: 'Отчёты — сделанные события, задачи, новые и затихшие клиенты, воронка',
    dashboardTitle: 'Панель руководителя',
    period: 'Период',
    from: 'С',
    to: 'По (свой период)',
    periodHint: 'день, неделя, месяц, квартал или свой период',
    fromHint: 'любой день периода; пусто = сегодня',
    toHint: 'последний день своего периода',
    updated: 'Обновлено',
    shown: 'Показан период',
    refreshHint: 'CRM → Отчёты → Обновить (и каждую ночь)',
    count: 'Сделано',
    manager: 'Менеджер',
    kind: 'Вид',
    reason: 'Повод',
    label: 'Метка',
    shift: 'Смена',
    byManagerKind: 'Сделано по менеджерам и видам',
    byManagerReason: 'Сделано по менеджерам и поводам',
    byKindReason: 'Сделано по видам и поводам',
    byLabel: 'Сделано по меткам клиентов',
    byManagerShift: 'Сделано по менеджерам и сменам',
    followUps: 'Задачи по менеджерам (запланированные на период)',
    planned: 'Запланировано',
    onTime: 'Сделано вовремя',
    late: 'Сделано с опозданием',
    overdue: 'Просрочено',
    newClients: 'Новые клиенты',
    newTotal: 'Новых клиентов за период',
    quiet: 'Затихшие клиенты на сегодня, по меткам',
    quietCount: 'Затихли',
    funnel: 'Воронка (клиенты со сделанным событием этапа)',
    stage: 'Этап',
    clients: 'Клиентов',
    conversion: 'Конверсия из предыдущего этапа, %',
    morning: 'утро',
    evening: 'вечер',
    allDay: 'весь день',
    none: '(нет)',
    nothing: 'за период ничего нет',
    noStages: 'этапов воронки нет: пронумеруйте поводы в Списках → «Этап воронки»',
    kpiMonth: 'Месяц',
    kpiActive: 'Активных клиентов за месяц',
    kpiNew: 'Новых клиентов за месяц',
    kpiCalls: 'Звонков за месяц',
    kpiMeetings: 'Встреч за месяц',
    kpiOnTime: 'Задачи сделаны вовремя, %',
    week: 'Неделя (понедельник) · менеджер',
    month: 'Месяц',
    chartEventsPerWeek: 'Сделано за неделю по менеджерам и видам',
    chartNewPerMonth: 'Новые клиенты по месяцам',
    chartFunnel: 'Воронка',
    chartOverdue: 'Просроченные задачи по менеджерам',
    overdueCount: 'Просрочено',
    day: 'день',
    weekKind: 'неделя',
    monthKind: 'месяц',
    quarter: 'квартал',
    custom: 'свой период',
  },
  ka: {
    reportsSheet: 'ანგარიშები',
    dashboardSheet: 'პანელი',
    reportsTitle: 'ანგარიშები — შესრულებული მოვლენები, დავალებები, ახალი და მიჩუმებული კლიენტები, ძაბრი',
    dashboardTitle: 'ხელმძღვანელის პანელი',
    period: 'პერიოდი',
    from: 'დან',
    to: 'მდე (საკუთარი პერიოდი)',
    periodHint: 'დღე, კვირა, თვე, კვარტალი ან საკუთარი პერიოდი',
    fromHint: 'პერიოდის ნებისმიერი დღე; ცარიელი = დღეს',
    toHint: 'საკუთარი პერიოდის ბოლო დღე',
    updated: 'განახლდა',
    shown: 'ნაჩვენები პერიოდი',
    refreshHint: 'CRM → ანგარიშები → განახლება (და ყოველ ღამე)',
    count: 'შესრულდა',
    manager: 'მენეჯერი',
    kind: 'სახე',
    reason: 'მიზეზი',
    label: 'ნიშანი',
    shift: 'ცვლა',
    byManagerKind: 'შესრულებული მენეჯერებისა და სახეების მიხედვით',
    byManagerReason: 'შესრულებული მენეჯერებისა და მიზეზების მიხედვით',
    byKindReason: 'შესრულებული სახეებისა და მიზეზების მიხედვით',
    byLabel: 'შესრულებული კლიენტის ნიშნების მიხედვით',
    byManagerShift: 'შესრულებული მენეჯერებისა და ცვლების მიხედვით',
    followUps: 'დავალებები მენეჯერების მიხედვით (პერიოდზე დაგეგმილი)',
    planned: 'დაგეგმილი',
    onTime: 'დროულად შესრულდა',
    late: 'დაგვიანებით შესრულდა',
    overdue: 'ვადაგადაცილებული',
    newClients: 'ახალი კლიენტები',
    newTotal: 'ახალი კლიენტები პერიოდში',
    quiet: 'დღეს მიჩუმებული კლიენტები, ნიშნების მიხედვით',
    quietCount: 'მიჩუმდა',
    funnel: 'ძაბრი (კლიენტები ეტაპის შესრულებული მოვლენით)',
    stage: 'ეტაპი',
    clients: 'კლიენტები',
    conversion: 'კონვერსია წინა ეტაპიდან, %',
    morning: 'დილა',
    evening: 'საღამო',
    allDay: 'მთელი დღე',
    none: '(არა)',
    nothing: 'ამ პერიოდში არაფერია',
    noStages: 'ძაბრის ეტაპები არ არის: დანომრეთ მიზეზები სიებში → „ძაბრის ეტაპი“',
    kpiMonth: 'თვე',
    kpiActive: 'აქტიური კლიენტები ამ თვეში',
    kpiNew: 'ახალი კლიენტები ამ თვეში',
    kpiCalls: 'ზარები ამ თვეში',
    kpiMeetings: 'შეხვედრები ამ თვეში',
    kpiOnTime: 'დროულად შესრულებული დავალებები, %',
    week: 'კვირა (ორშაბათი) · მენეჯერი',
    month: 'თვე',
    chartEventsPerWeek: 'შესრულებული კვირაში მენეჯერებისა და სახეების მიხედვით',
    chartNewPerMonth: 'ახალი კლიენტები თვეების მიხედვით',
    chartFunnel: 'ძაბრი',
    chartOverdue: 'ვადაგადაცილებული დავალებები მენეჯერების მიხედვით',
    overdueCount: 'ვადაგადაცილებული',
    day: 'დღე',
    weekKind: 'კვირა',
    monthKind: 'თვე',
    quarter: 'კვარტალი',
    custom: 'საკუთარი პერიოდი',
  },
});

export type ReportWord = Parameters<typeof reportWord>[1];

const LOCALES: Locale[] = ['ru', 'en', 'ka'];

const KIND_WORDS: Record<PeriodKind, ReportWord> = {
  day: 'day',
  week: 'weekKind',
  month: 'monthKind',
  quarter: 'quarter',
  custom: 'custom',
};

/** The period kinds as the choice cell's dropdown offers them, in the office's language. */
export function periodKindWords(locale: Locale): string[] {
  return (Object.keys(KIND_WORDS) as PeriodKind[]).map((k) => reportWord(locale, KIND_WORDS[k]));
}

export function periodKindWord(kind: PeriodKind, locale: Locale): string {
  return reportWord(locale, KIND_WORDS[kind]);
}

/** The period kind a cell names, in any of our languages (or its English key); undefined for anything else. */
export function parsePeriodKind(text: string): PeriodKind | undefined {
  const key = headerKey(text);
  if (!key) return undefined;
  for (const kind of Object.keys(KIND_WORDS) as PeriodKind[]) {
    if (key === kind) return kind;
    if (LOCALES.some((l) => headerKey(reportWord(l, KIND_WORDS[kind])) === key)) return kind;
  }
  return undefined;
}

/** Whether a sheet's title is the Reports (or Dashboard) sheet's in any of our languages. */
export function isSheetTitled(word: 'reportsSheet' | 'dashboardSheet', title: string): boolean {
  const key = headerKey(title);
  return LOCALES.some((l) => headerKey(reportWord(l, word)) === key);
}
