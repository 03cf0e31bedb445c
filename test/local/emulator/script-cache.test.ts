import { CallLog } from 'workspace-emulator';
import { VirtualClock } from 'workspace-emulator';
import { ServiceContext } from 'workspace-emulator';
import { FaultInjector } from 'workspace-emulator';
import { CacheStore, createCacheService } from 'workspace-emulator';

function setup() {
  const clock = new VirtualClock('2024-03-01T09:00:00Z');
  const calls = new CallLog();
  const ctx = new ServiceContext(clock, calls, new FaultInjector(1), {
    email: 'office@example.com',
    locale: 'ru',
    timeZone: 'Europe/Moscow',
  });
  const store = CacheStore.fromJSON(undefined);
  return { clock, calls, ctx, store };
}

describe('CacheService', () => {
  it('expires entries on the virtual clock: 600 s by default', () => {
    const { ctx, store, clock } = setup();
    const cache = createCacheService(store, ctx, 'sheet').getScriptCache();
    // Each call also spends its simulated latency (20 ms) on the clock, hence the one-second margins.
    cache.put('labels', '["VIP"]');
    cache.put('short', 'x', 60);
    clock.set(Date.parse('2024-03-01T09:00:59Z'));
    expect(cache.get('short')).toBe('x');
    clock.set(Date.parse('2024-03-01T09:01:01Z'));
    expect(cache.get('short')).toBeNull();
    clock.set(Date.parse('2024-03-01T09:09:59Z'));
    expect(cache.get('labels')).toBe('["VIP"]');
    clock.set(Date.parse('2024-03-01T09:10:01Z'));
    expect(cache.get('labels')).toBeNull();
  });

  it('keeps nothing longer than 6 hours whatever expiration is asked', () => {
    const { ctx, store, clock } = setup();
    const cache = createCacheService(store, ctx, 'sheet').getScriptCache();
    cache.put('k', 'v', 99999);
    clock.advance(21600 * 1000 - 1000);
    expect(cache.get('k')).toBe('v');
    clock.advance(1000);
    expect(cache.get('k')).toBeNull();
    expect(() => cache.put('k', 'v', 'abc' as never)).toThrow("Cannot convert 'abc' to int.");
  });

  it('enforces key and value sizes with Apps Script wording', () => {
    const { ctx, store } = setup();
    const cache = createCacheService(store, ctx, 'sheet').getScriptCache();
    expect(() => cache.put('k'.repeat(250), 'x')).not.toThrow();
    expect(() => cache.put('k'.repeat(251), 'x')).toThrow('Argument too large: key');
    expect(() => cache.get('k'.repeat(251))).toThrow('Argument too large: key');
    expect(() => cache.put('big', 'v'.repeat(100 * 1024))).not.toThrow();
    expect(() => cache.put('big', 'v'.repeat(100 * 1024 + 1))).toThrow('Argument too large: value');
    // Bytes, not characters: 60,000 Cyrillic letters are 120,000 bytes.
    expect(() => cache.put('ru', 'я'.repeat(60_000))).toThrow('Argument too large: value');
    // putAll checks every value before writing any.
    expect(() => cache.putAll({ ok: '1', big: 'v'.repeat(100 * 1024 + 1) })).toThrow('Argument too large: value');
    expect(cache.get('ok')).toBeNull();
  });

  it('holds at most 1,000 items per cache, evicting the oldest writes', () => {
    const { ctx, store } = setup();
    const cache = createCacheService(store, ctx, 'sheet').getScriptCache();
    const many: Record<string, string> = {};
    for (let i = 0; i < 1000; i++) many[`k${i}`] = String(i);
    cache.putAll(many);
    cache.put('k0', 'rewritten');
    cache.put('new', 'n');
    expect(cache.get('k0')).toBe('rewritten');
    expect(cache.get('k1')).toBeNull();
    expect(cache.get('k2')).toBe('2');
    expect(Object.keys(store.entries(CacheStore.scriptScope('sheet'), ctx.clock.now()))).toHaveLength(1000);
  });

  it('loses everything on eviction, so code must fall back to the source of truth', () => {
    const { ctx, store, calls } = setup();
    const cache = createCacheService(store, ctx, 'sheet').getScriptCache();
    let loads = 0;
    const labels = (): string => {
      const hit = cache.get('labels');
      if (hit !== null) return hit;
      loads += 1;
      const fresh = '["VIP","Новый"]';
      cache.put('labels', fresh, 3600);
      return fresh;
    };
    expect(labels()).toBe('["VIP","Новый"]');
    expect(labels()).toBe('["VIP","Новый"]');
    expect(loads).toBe(1);
    store.evictAll();
    expect(labels()).toBe('["VIP","Новый"]');
    expect(loads).toBe(2);
    expect(calls.byService()).toEqual({ 'CacheService.Cache.get': 3, 'CacheService.Cache.put': 2 });
  });

  it('getAll returns only live keys; removeAll and a null value remove entries', () => {
    const { ctx, store } = setup();
    const cache = createCacheService(store, ctx, 'sheet').getUserCache();
    cache.putAll({ a: '1', b: '2', c: 3 as never });
    expect(cache.getAll(['a', 'c', 'missing'])).toEqual({ a: '1', c: '3' });
    cache.removeAll(['a', 'b']);
    cache.put('c', null as never);
    expect(cache.getAll(['a', 'b', 'c'])).toEqual({});
  });

  it('scopes caches per project and user; the Gmail add-on has no document cache', () => {
    const { ctx, store } = setup();
    const sheet = createCacheService(store, ctx, 'sheet', true);
    const gmail = createCacheService(store, ctx, 'gmail');
    sheet.getScriptCache().put('k', 'sheet');
    sheet.getUserCache().put('k', 'user');
    sheet.getDocumentCache()!.put('k', 'doc');
    expect(gmail.getScriptCache().get('k')).toBeNull();
    expect(gmail.getDocumentCache()).toBeNull();
    expect([
      sheet.getScriptCache().get('k'),
      sheet.getUserCache().get('k'),
      sheet.getDocumentCache()!.get('k'),
    ]).toEqual(['sheet', 'user', 'doc']);
    store.evict(CacheStore.userScope('sheet', 'office@example.com'));
    expect(sheet.getUserCache().get('k')).toBeNull();
    expect(sheet.getScriptCache().get('k')).toBe('sheet');
  });
});
