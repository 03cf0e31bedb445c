// The Gmail card's language and time zone, through the built bundle: the Settings sheet's language wins, else the
// user's locale from the event (which Gmail sends only with useLocaleFromApp and the script.locale scope), else
// Russian; times are shown in the user's zone from the event, else the script's. Reading the Settings language adds
// no request to the warm card: it rides in the card index's one cache request.

import { t } from '../../../src/core/i18n/messages';
import { Locale } from '../../../src/core/i18n/locale';
import { CacheStore } from 'workspace-emulator';
import { cardToJson, messageEvent } from 'workspace-emulator';
import type { CardJson } from 'workspace-emulator';
import { invokeEntryPoint } from '../../../src/local/gas/server-rpc';
import { sheetValues } from '../card-index/support';
import {
  actionsOf,
  DAY,
  gmailOffice,
  GmailOffice,
  KNOWN,
  pushedCard,
  runAction,
  updatedCard,
  widgets,
  withoutItems,
} from './support';

let o: GmailOffice;

beforeAll(() => {
  o = gmailOffice(500);
});

afterEach(() => {
  o.office.workspace.ctx.session.userTimeZone = undefined;
  o.office.workspace.ctx.session.locale = 'ru';
});

const evictAddonCache = () => o.office.workspace.cache.evict(CacheStore.scriptScope('gmail'));

function setLanguage(language: '' | Locale): void {
  const saved = o.office.rpc.saveSettings({ language });
  expect(saved.ok).toBe(true);
}

/** The card Gmail would show, from the event the emulator builds for the add-on's manifest as loaded. */
function card(messageId: string) {
  const event = messageEvent(o.office.workspace, messageId);
  const run = invokeEntryPoint(o.office.gmail, 'onGmailMessage', [event], 'card');
  if (run.error) throw run.error;
  return { run, card: cardToJson(run.result), event };
}

const headers = (c: CardJson) => c.sections.map((s) => s.header).filter(Boolean);
const texts = (c: CardJson) => JSON.stringify(c);
const lastContact = (c: CardJson, lang: Locale) =>
  widgets(c).find((w) => w.type === 'decoratedText' && w.topLabel === t(lang, 'cardLastContact'))?.['text' as never] as
    string | undefined;

describe('the Settings language', () => {
  afterAll(() => {
    setLanguage('');
    evictAddonCache();
  });

  test.each<Locale>(['en', 'ka'])(
    '= %s: the client card, the unknown sender, the forms and the notifications speak it',
    (lang) => {
      // The account (and the event) say Russian; the office chose another language.
      setLanguage(lang);
      evictAddonCache();
      const known = card(o.messages.known).card;
      expect(headers(known)).toEqual([t(lang, 'cardPlanned'), t(lang, 'cardRecent')]);
      expect(lastContact(known, lang)).toBeDefined();
      expect(texts(known)).not.toMatch(/Запланировано|Последние события|Записать это письмо/);

      const stranger = card(o.messages.stranger).card;
      expect(stranger.header?.subtitle).toBe(t(lang, 'cardUnknownSender'));
      const addForm = pushedCard(runAction(o, o.messages.stranger, actionsOf(stranger).gmailAddClientForm).response)!;
      expect(addForm.sections.map((s) => s.header).filter(Boolean)).toEqual([t(lang, 'cardAddClient')]);

      const planForm = pushedCard(runAction(o, o.messages.known, actionsOf(known).gmailPlanForm).response)!;
      expect(planForm.header?.title).toBe(t(lang, 'cardPlanFollowUp'));
      // An office with no reasons configured: the reason dropdown has nothing to select.
      const refused = runAction(
        o,
        o.messages.known,
        actionsOf(planForm).gmailPlanFollowUp,
        { at: new Date(o.office.workspace.clock.now() + DAY), kind: 'Звонок' },
        withoutItems(planForm, 'reason'),
      );
      expect(refused.response.notification).toBe(t(lang, 'cardNeedReason'));

      const logForm = pushedCard(runAction(o, o.messages.known, actionsOf(known).gmailLogEmailForm).response)!;
      const logged = runAction(
        o,
        o.messages.known,
        actionsOf(logForm).gmailLogEmail,
        { reason: 'Интерес', note: '' },
        logForm,
      );
      const kind = actionsOf(logForm).gmailLogEmail.parameters.kind;
      expect(logged.response.notification).toBe(t(lang, 'cardLogged', { kind, reason: 'Интерес' }));
      expect(headers(updatedCard(logged.response)!)).toEqual([t(lang, 'cardPlanned'), t(lang, 'cardRecent')]);
    },
  );

  test('costs no request on the warm card: the message, its sender, one cache read', () => {
    setLanguage('ka');
    evictAddonCache();
    const cold = card(o.messages.known);
    const { result, calls } = o.office.workspace.calls.measure(() => card(o.messages.known));
    expect(calls.map((c) => c.service)).toEqual([
      'GmailApp.getMessageById',
      'GmailApp.GmailMessage.getFrom',
      // Who the user is, for their role's actions (no request: Session answers from the run); the role itself rides
      // in the one getAll (src/server/gmail/card-role.ts).
      'Session.getActiveUser',
      'CacheService.Cache.getAll',
    ]);
    expect(headers(result.card)).toEqual([t('ka', 'cardPlanned'), t('ka', 'cardRecent')]);
    // Cold, the language costs nothing more than the index row: it comes with the script properties that open the
    // spreadsheet (the Settings push keeps it there) and is cached in the same putAll as the row's key. The user's
    // role, for the card's actions, rides in that putAll too, and costs nothing to decide for the office account: its
    // e-mail is in those script properties (src/server/gmail/card-role.ts, events/office.ts identity).
    expect(cold.run.report.serviceCalls).toBe(8);
    const { calls: coldCalls } = o.office.workspace.calls.measure(() => {
      evictAddonCache();
      card(o.messages.known);
    });
    expect(coldCalls.map((c) => c.service)).toEqual([
      'GmailApp.getMessageById',
      'GmailApp.GmailMessage.getFrom',
      'Session.getActiveUser',
      'CacheService.Cache.getAll',
      'PropertiesService.Properties.getProperties',
      'SpreadsheetApp.openById',
      'SpreadsheetApp.TextFinder.findAll',
      'SpreadsheetApp.Range.getValues',
      'Session.getActiveUser',
      'CacheService.Cache.putAll',
    ]);
  });

  test('a change in Settings reaches the very next card, warm or cold (the sheet project pushes it)', () => {
    setLanguage('en');
    evictAddonCache();
    expect(headers(card(o.messages.known).card)).toEqual(['Planned', 'Last events']);
    setLanguage('ka');
    expect(headers(card(o.messages.known).card)).toEqual([t('ka', 'cardPlanned'), t('ka', 'cardRecent')]);
    setLanguage('en');
    evictAddonCache();
    expect(headers(card(o.messages.known).card)).toEqual(['Planned', 'Last events']);
  });

  test("empty: the user's locale from the event; none in the event: Russian", () => {
    setLanguage('');
    evictAddonCache();
    o.office.workspace.ctx.session.locale = 'en';
    expect(headers(card(o.messages.known).card)).toEqual(['Planned', 'Last events']);
    const manifest = o.office.workspace.manifests.gmail!;
    const scopes = manifest.oauthScopes;
    try {
      // Without the scope Gmail sends no locale: Russian.
      manifest.oauthScopes = scopes?.filter((s) => !s.endsWith('/script.locale'));
      expect(headers(card(o.messages.known).card)).toEqual(['Запланировано', 'Последние события']);
    } finally {
      manifest.oauthScopes = scopes;
    }
  });
});

describe("the user's time zone", () => {
  /** dd.mm.yyyy hh:mm at a fixed UTC offset (Moscow +3, Tbilisi +4: neither changes its clocks). */
  const at = (ms: number, hours: number) => {
    const d = new Date(ms + hours * 3600_000).toISOString();
    return `${d.slice(8, 10)}.${d.slice(5, 7)}.${d.slice(0, 4)} ${d.slice(11, 16)}`;
  };
  const plannedAt = () => {
    const row = sheetValues(o.office, 'events').find((r) => r[0] === 'E-plan')!;
    expect(row[1]).toBeInstanceOf(Date);
    return (row[1] as Date).getTime();
  };
  const plannedText = (c: CardJson) => JSON.stringify(c.sections.find((s) => s.header === 'Запланировано')!.widgets);
  /** The instant a card line's leading "dd.mm.yyyy hh:mm" names, read as UTC: only differences between cards count. */
  const shownAt = (text: string | undefined) => {
    const m = /^(\d{2})\.(\d{2})\.(\d{4}) (\d{2}):(\d{2})/.exec(text ?? '')!;
    return Date.UTC(Number(m[3]), Number(m[2]) - 1, Number(m[1]), Number(m[4]), Number(m[5]));
  };

  function withoutLocaleScope<T>(fn: () => T): T {
    const manifest = o.office.workspace.manifests.gmail!;
    const scopes = manifest.oauthScopes;
    try {
      manifest.oauthScopes = scopes?.filter((s) => !s.endsWith('/script.locale'));
      return fn();
    } finally {
      manifest.oauthScopes = scopes;
    }
  }

  test('the card shows the last contact and the planned times in the zone the event gives (Asia/Tbilisi)', () => {
    o.office.workspace.ctx.session.userTimeZone = 'Asia/Tbilisi';
    const { card: c, event } = card(o.messages.known);
    expect((event.commonEventObject as unknown as { timeZone: { id: string } }).timeZone.id).toBe('Asia/Tbilisi');
    expect(plannedText(c)).toContain(at(plannedAt(), 4));
    const moscow = withoutLocaleScope(() => card(o.messages.known).card);
    expect(shownAt(lastContact(c, 'ru')) - shownAt(lastContact(moscow, 'ru'))).toBe(3600_000);
  });

  test("without the script.locale scope the event has no zone, and the card uses the script's (Moscow)", () => {
    o.office.workspace.ctx.session.userTimeZone = 'Asia/Tbilisi';
    const { card: c, event } = withoutLocaleScope(() => card(o.messages.known));
    expect(event.commonEventObject).not.toHaveProperty('timeZone');
    expect(event).not.toHaveProperty('userTimezone');
    expect(plannedText(c)).toContain(at(plannedAt(), 3));
  });

  test('the built add-on manifest asks for script.locale beside useLocaleFromApp', () => {
    const manifest = o.office.gmail.manifest as { oauthScopes?: string[]; addOns?: { common?: object } };
    expect(manifest.oauthScopes).toContain('https://www.googleapis.com/auth/script.locale');
    expect(manifest.addOns?.common).toMatchObject({ useLocaleFromApp: true });
  });
});

describe('open rows in the sheet', () => {
  test('selects every row of the client, from the first to the last, found when clicked', () => {
    const { card: c } = card(o.messages.known);
    const open = widgets(c)
      .flatMap((w) => (w.type === 'buttonSet' ? w.buttons : w.type === 'textButton' ? [w] : []))
      .find((b) => b.onClick?.functionName === 'gmailOpenSheet')!;
    const values = sheetValues(o.office, 'events');
    const rows = values.flatMap((r, i) => (r.includes(o.names[KNOWN]) ? [i + 1] : []));
    expect(rows.length).toBeGreaterThan(1);
    const { response } = runAction(o, o.messages.known, open.onClick!);
    const range = /&range=(\d+):(\d+)$/.exec(response.openLink ?? '');
    expect(range).not.toBeNull();
    const [first, last] = [Number(range![1]), Number(range![2])];
    for (const row of rows) expect(row >= first && row <= last).toBe(true);
    expect(first).toBe(Math.min(...rows));
    expect(last).toBe(Math.max(...rows));
  });
});
