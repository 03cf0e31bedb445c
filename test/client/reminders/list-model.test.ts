// The Reminders sidebar's list model: what a click's EventPatch does to the lists shown (no reload), the tabs' counts,
// grouping by manager and paging.

import {
  applyPatch,
  createModel,
  findEvent,
  firstPageQuery,
  hasMore,
  loadTab,
  mergePage,
  nextPageQuery,
  type ListModel,
} from '../../../src/client/sidebars/reminders/list-model';
import { dueEvent, dueView, patchOf, remindersView, TODAY } from './fixtures';

const ids = (model: ListModel, key: 'today' | 'tomorrow' | 'week') =>
  model.tabs[key].groups.map((g) => `${g.manager}: ${g.events.map((e) => e.id).join(',')} (${g.total})`);

function sample(): ListModel {
  const overdue = dueEvent('e1', '2026-11-30T10:00:00Z', { overdue: true });
  const a = dueEvent('e2', `${TODAY}T11:00:00Z`);
  const b = dueEvent('e3', `${TODAY}T15:30:00Z`, { manager: 'Борис' });
  const c = dueEvent('e4', `${TODAY}T16:00:00Z`);
  return createModel(remindersView(dueView([overdue, a, b, c]), { tomorrow: 2, week: 5 }));
}

test('the first screen: today and overdue grouped by manager; tomorrow and the week counted but not read yet', () => {
  const model = sample();
  expect(ids(model, 'today')).toEqual(['Анна: e1,e2,e4 (3)', 'Борис: e3 (1)']);
  expect(model.tabs.today.count).toBe(4);
  expect(model.tabs.tomorrow).toMatchObject({ loaded: false, count: 2, from: '2026-12-03', to: '2026-12-03' });
  expect(model.tabs.week).toMatchObject({ loaded: false, count: 5, from: '2026-12-03', to: '2026-12-09' });
});

test('Done (open: false) removes only that row; the group and the tab count go down by one', () => {
  const model = sample();
  const changed = applyPatch(model, patchOf(findEvent(model, 'e2')!, { open: false, message: 'Готово' }));
  expect(changed).toEqual(['today']);
  expect(ids(model, 'today')).toEqual(['Анна: e1,e4 (2)', 'Борис: e3 (1)']);
  expect(model.tabs.today.count).toBe(3);
});

test('the last event of a manager done: the group disappears', () => {
  const model = sample();
  applyPatch(model, patchOf(findEvent(model, 'e3')!, { open: false }));
  expect(ids(model, 'today')).toEqual(['Анна: e1,e2,e4 (3)']);
});

test('a reschedule within today moves the row into time order and keeps the counts', () => {
  const model = sample();
  applyPatch(model, patchOf(findEvent(model, 'e2')!, { at: `${TODAY}T17:00:00Z` }));
  expect(ids(model, 'today')).toEqual(['Анна: e1,e4,e2 (3)', 'Борис: e3 (1)']);
  expect(model.tabs.today.count).toBe(4);
  // The row carries what the server said: the new time and where its rows are now.
  expect(findEvent(model, 'e2')).toMatchObject({ at: `${TODAY}T17:00:00Z`, hints: { storeRow: 99 }, day: TODAY });
});

test('an overdue event moved to later today stays on the first tab, no longer overdue', () => {
  const model = sample();
  applyPatch(model, patchOf(findEvent(model, 'e1')!, { at: `${TODAY}T18:00:00Z` }));
  expect(findEvent(model, 'e1')).toMatchObject({ overdue: false, day: TODAY });
  expect(ids(model, 'today')[0]).toBe('Анна: e2,e4,e1 (3)');
});

test('moved to tomorrow: it leaves today, the Tomorrow and Week counts go up; a read week shows it in order', () => {
  const model = sample();
  loadTab(model, 'week', dueView([dueEvent('w1', '2026-12-05T10:00:00Z')], { from: '2026-12-03', to: '2026-12-09' }));
  const changed = applyPatch(model, patchOf(findEvent(model, 'e2')!, { at: '2026-12-03T09:00:00Z' }));
  expect(changed.sort()).toEqual(['today', 'week']);
  expect(ids(model, 'today')).toEqual(['Анна: e1,e4 (2)', 'Борис: e3 (1)']);
  expect(model.tabs.today.count).toBe(3);
  expect(model.tabs.tomorrow.count).toBe(3);
  expect(model.tabs.tomorrow.groups).toEqual([]); // not read yet: read in full when opened
  expect(model.tabs.week.count).toBe(6);
  expect(ids(model, 'week')).toEqual(['Анна: e2,w1 (2)']);
});

test('undo of a Done brings the row back where it was, with its last contact kept from before when known', () => {
  const model = sample();
  findEvent(model, 'e4')!.lastContact = { at: '2026-11-20T10:00:00Z', kind: 'Звонок', reason: '' };
  const row = findEvent(model, 'e4')!;
  applyPatch(model, patchOf(row, { open: false }));
  expect(findEvent(model, 'e4')).toBeUndefined();
  applyPatch(model, patchOf(row, { open: true }));
  expect(ids(model, 'today')).toEqual(['Анна: e1,e2,e4 (3)', 'Борис: e3 (1)']);
  expect(model.tabs.today.count).toBe(4);
  expect(findEvent(model, 'e4')?.lastContact).toMatchObject({ kind: 'Звонок' });
});

test('a new event (a planned congratulation) for a manager not listed yet gets its own group, in name order', () => {
  const model = sample();
  const planned = dueEvent('n1', `${TODAY}T12:00:00Z`, { manager: 'Алла' });
  applyPatch(model, patchOf(planned));
  expect(ids(model, 'today')).toEqual(['Алла: n1 (1)', 'Анна: e1,e2,e4 (3)', 'Борис: e3 (1)']);
  expect(model.tabs.today.count).toBe(5);
});

test('a planned event in the week when the week is not read: only its count changes', () => {
  const model = sample();
  expect(applyPatch(model, patchOf(dueEvent('n2', '2026-12-06T10:00:00Z')))).toEqual([]);
  expect(model.tabs.week.count).toBe(6);
  expect(model.tabs.tomorrow.count).toBe(2);
  expect(model.tabs.today.count).toBe(4);
});

test('the Tomorrow tab leaves out the overdue and today events a window from today also holds', () => {
  const model = sample();
  const tomorrow = dueEvent('t1', '2026-12-03T10:00:00Z');
  loadTab(
    model,
    'tomorrow',
    dueView(
      [dueEvent('e1', '2026-11-30T10:00:00Z', { overdue: true }), dueEvent('e2', `${TODAY}T11:00:00Z`), tomorrow],
      {
        to: '2026-12-03',
      },
    ),
  );
  expect(model.tabs.tomorrow.loaded).toBe(true);
  expect(model.tabs.tomorrow.groups.map((g) => g.events.map((e) => e.id))).toEqual([['t1']]);
});

test('paging: a group shows "more" while it holds fewer than its total; a page is merged by id in time order', () => {
  const a1 = dueEvent('a1', `${TODAY}T09:00:00Z`);
  const a2 = dueEvent('a2', `${TODAY}T10:00:00Z`);
  const model = createModel(remindersView(dueView([a1, a2], {}, { Анна: 4 })));
  const group = model.tabs.today.groups[0];
  expect(hasMore(group)).toBe(true);
  expect(nextPageQuery(model, 'today', 'Анна', '')).toEqual({ days: 0, limit: 50, manager: 'Анна', offset: 2 });
  // The next page overlaps (a row moved meanwhile): no row twice.
  mergePage(
    model,
    'today',
    dueView([a2, dueEvent('a3', `${TODAY}T11:00:00Z`), dueEvent('a4', `${TODAY}T08:00:00Z`)], {}, { Анна: 4 }),
    'Анна',
  );
  expect(ids(model, 'today')).toEqual(['Анна: a4,a1,a2,a3 (4)']);
  expect(hasMore(model.tabs.today.groups[0])).toBe(false);
});

test('the group without a manager pages on over the whole window, within the manager filter', () => {
  const model = createModel(
    remindersView(
      dueView(
        [dueEvent('x1', `${TODAY}T09:00:00Z`, { manager: '' }), dueEvent('x2', `${TODAY}T10:00:00Z`)],
        {},
        { '': 3 },
      ),
    ),
  );
  expect(model.tabs.today.groups.map((g) => g.manager)).toEqual(['Анна', '']);
  expect(nextPageQuery(model, 'today', '', '')).toEqual({ days: 0, limit: 50, offset: 2 });
  expect(nextPageQuery(model, 'today', '', 'Борис')).toEqual({ days: 0, limit: 50, manager: 'Борис', offset: 2 });
});

test("Tomorrow and the Week skip the overdue and today events their window starts with (in all, or the manager's)", () => {
  const model = sample(); // today: Анна 3 (one overdue), Борис 1
  expect(firstPageQuery(model, 'tomorrow', '')).toEqual({ days: 1, limit: 50, offset: 4 });
  expect(firstPageQuery(model, 'week', 'Анна')).toEqual({ days: 7, limit: 50, offset: 4, manager: 'Анна' });
  // The server's totals count the whole window: the tab shows its own part of them.
  const t1 = dueEvent('t1', '2026-12-03T10:00:00Z');
  const t2 = dueEvent('t2', '2026-12-03T11:00:00Z', { manager: 'Борис' });
  loadTab(model, 'tomorrow', dueView([t1, t2], { to: '2026-12-03', offset: 4 }, { Анна: 5, Борис: 3 }));
  expect(ids(model, 'tomorrow')).toEqual(['Анна: t1 (2)', 'Борис: t2 (2)']);
  // Анна's next page: past her 3 events of today and the 1 of tomorrow already shown.
  expect(nextPageQuery(model, 'tomorrow', 'Анна', '')).toEqual({ days: 1, limit: 50, manager: 'Анна', offset: 4 });
  // Done on one of today's: the window is one shorter before tomorrow's events.
  applyPatch(model, patchOf(findEvent(model, 'e2')!, { open: false }));
  expect(nextPageQuery(model, 'tomorrow', 'Анна', '')).toEqual({ days: 1, limit: 50, manager: 'Анна', offset: 3 });
  expect(nextPageQuery(model, 'tomorrow', '', '')).toEqual({ days: 1, limit: 50, offset: 5 });
});

test('a page that still holds events of other days never shows them on the Tomorrow tab', () => {
  const model = sample();
  loadTab(
    model,
    'tomorrow',
    dueView(
      [
        dueEvent('e4', `${TODAY}T16:00:00Z`),
        dueEvent('t1', '2026-12-03T10:00:00Z'),
        dueEvent('w1', '2026-12-05T10:00:00Z'),
      ],
      { to: '2026-12-03' },
    ),
  );
  expect(model.tabs.tomorrow.groups.map((g) => g.events.map((e) => e.id))).toEqual([['t1']]);
});
