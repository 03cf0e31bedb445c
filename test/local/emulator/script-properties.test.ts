import { CallLog } from 'workspace-emulator';
import { VirtualClock } from 'workspace-emulator';
import { ServiceContext } from 'workspace-emulator';
import { FaultInjector } from 'workspace-emulator';
import { PropertiesStore, createPropertiesService } from 'workspace-emulator';

const FULL = 'You have exceeded the property storage quota. Please remove some properties and try again.';

function setup(email = 'office@example.com') {
  const clock = new VirtualClock('2024-03-01T09:00:00Z');
  const calls = new CallLog();
  const ctx = new ServiceContext(clock, calls, new FaultInjector(1), {
    email,
    locale: 'ru',
    timeZone: 'Europe/Moscow',
  });
  const store = PropertiesStore.fromJSON(undefined);
  return { clock, calls, ctx, store };
}

describe('PropertiesService', () => {
  it('keeps script, user and document stores apart, per project and per user', () => {
    const { ctx, store, calls } = setup();
    const sheet = createPropertiesService(store, ctx, 'sheet', true);
    const gmail = createPropertiesService(store, ctx, 'gmail');
    sheet.getScriptProperties().setProperty('crm.spreadsheetId', 'abc');
    sheet.getUserProperties().setProperty('lang', 'ka');
    sheet.getDocumentProperties()!.setProperty('doc', '1');
    expect(gmail.getScriptProperties().getProperty('crm.spreadsheetId')).toBeNull();
    expect(gmail.getDocumentProperties()).toBeNull();
    expect(sheet.getScriptProperties().getProperty('crm.spreadsheetId')).toBe('abc');
    expect(sheet.getScriptProperties().getProperty('lang')).toBeNull();

    const other = new ServiceContext(ctx.clock, ctx.calls, ctx.faults, {
      ...ctx.session,
      email: 'manager@example.com',
    });
    expect(createPropertiesService(store, other, 'sheet').getUserProperties().getProperty('lang')).toBeNull();
    expect(store.peek('sheet', 'user', 'lang', 'office@example.com')).toBe('ka');
    expect(calls.count('PropertiesService.Properties.')).toBe(calls.count());
    expect(calls.byService()['PropertiesService.Properties.setProperty']).toBe(3);
  });

  it('stores strings: other values become String(value); null is refused', () => {
    const { ctx, store } = setup();
    const props = createPropertiesService(store, ctx, 'sheet').getScriptProperties();
    props.setProperty('n', 42 as never).setProperty('b', true as never);
    expect(props.getProperties()).toEqual({ n: '42', b: 'true' });
    expect(() => props.setProperty('x', null as never)).toThrow('Invalid argument: value');
    expect(props.getKeys().sort()).toEqual(['b', 'n']);
  });

  it('refuses an entry over 9 KB, counting UTF-8 bytes of key and value', () => {
    const { ctx, store } = setup();
    const props = createPropertiesService(store, ctx, 'sheet').getScriptProperties();
    expect(() => props.setProperty('k', 'x'.repeat(8999))).not.toThrow();
    expect(() => props.setProperty('k', 'x'.repeat(9000))).toThrow('Argument too large: value');
    // Cyrillic takes two bytes a letter in UTF-8: 4,500 letters are already too much.
    expect(() => props.setProperty('k', 'я'.repeat(4500))).toThrow('Argument too large: value');
    expect(props.getProperty('k')).toHaveLength(8999);
  });

  it('refuses writes past 500 KB per store with Google wording, leaving the store unchanged', () => {
    const { ctx, store } = setup();
    const props = createPropertiesService(store, ctx, 'sheet').getScriptProperties();
    const chunk = 'x'.repeat(8990);
    for (let i = 0; i < 55; i++) props.setProperty(`chunk${String(i).padStart(2, '0')}`, chunk);
    expect(store.bytesUsed(PropertiesStore.scriptScope('sheet'))).toBeLessThan(500_000);
    expect(() => props.setProperty('chunk55', chunk)).toThrow(FULL);
    expect(props.getKeys()).toHaveLength(55);
    // A batch that would overflow is refused whole.
    expect(() => props.setProperties({ small: '1', big: chunk })).toThrow(FULL);
    expect(props.getProperty('small')).toBeNull();
    // Other stores have their own 500 KB.
    expect(() =>
      createPropertiesService(store, ctx, 'sheet').getUserProperties().setProperty('k', chunk),
    ).not.toThrow();
    props.deleteProperty('chunk00');
    expect(() => props.setProperty('chunk55', chunk)).not.toThrow();
  });

  it('setProperties can replace everything, and getProperties returns a copy', () => {
    const { ctx, store } = setup();
    const props = createPropertiesService(store, ctx, 'gmail').getScriptProperties();
    props.setProperties({ a: '1', b: '2' });
    props.setProperties({ c: '3' }, true);
    const all = props.getProperties();
    expect(all).toEqual({ c: '3' });
    all.c = 'changed';
    expect(props.getProperty('c')).toBe('3');
    props.deleteAllProperties();
    expect(props.getKeys()).toEqual([]);
  });

  it('counts reads and writes against a daily quota', () => {
    const { ctx, store, clock } = setup();
    store.quota.limit = 3;
    const props = createPropertiesService(store, ctx, 'sheet').getScriptProperties();
    props.setProperty('a', '1');
    props.getProperty('a');
    props.getKeys();
    expect(() => props.getProperty('a')).toThrow('Service invoked too many times for one day: properties.');
    clock.advance(24 * 3600_000 + 60_000);
    expect(props.getProperty('a')).toBe('1');
  });

  it('survives a save and reload', () => {
    const { ctx, store } = setup();
    createPropertiesService(store, ctx, 'sheet').getScriptProperties().setProperty('k', 'значение');
    const copy = PropertiesStore.fromJSON(JSON.parse(JSON.stringify(store.toJSON())));
    expect(createPropertiesService(copy, ctx, 'sheet').getScriptProperties().getProperty('k')).toBe('значение');
  });
});
