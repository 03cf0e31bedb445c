// The journal as the Client sidebar and the CLI use it: a client's (or the latest) changes in the office's words, and
// undoing one. A revert reads the contact as it is now (one getBatchGet), lets core/backup/revert.ts decide, writes
// through the journalling directory (source 'revert', revertOf the change undone: one Sheets write for its journal
// rows) and updates the card index in the same execution, as an import does.

import { JournallingDirectory } from '../../core/backup/journal';
import { planRevert } from '../../core/backup/revert';
import { changeSummary, journalText, refusalText } from '../../core/backup/summary';
import type { ContactChange } from '../../core/backup/types';
import { RecordingDirectory } from '../../core/card-index';
import type { Locale } from '../../core/i18n/locale';
import type { Person } from '../../core/import/types';
import type { ChangeView, JournalQuery, RevertResult } from '../../shared/backup-dto';
import { scriptClock } from '../clock';
import { OfficeContext } from '../events/office';
import { indexChanges } from '../import/runner';
import { peopleDirectory } from '../people/gateway';
import { findChange, JournalSheet, readChanges } from './journal-sheet';

const MAX_LIMIT = 500;

export function changeView(change: ContactChange, reverted: boolean, locale: Locale): ChangeView {
  const view: ChangeView = {
    id: change.id,
    at: change.at,
    actor: change.actor,
    source: change.source,
    action: change.action,
    resourceName: change.resourceName,
    client: change.client,
    fields: change.fields,
    summary: changeSummary(change, locale),
    reverted,
  };
  if (change.revertOf) view.revertOf = change.revertOf;
  return view;
}

/** A contact's resourceName, or text to look for. */
function queryOf(q: JournalQuery | undefined): { resourceName?: string; text?: string; limit?: number } {
  const query = String(q?.query ?? '').trim();
  const limit = Math.min(MAX_LIMIT, Math.max(1, Math.floor(Number(q?.limit) || 50)));
  if (!query) return { limit };
  return /^people\/[\w-]+$/.test(query) ? { resourceName: query, limit } : { text: query, limit };
}

export function getChanges(q: JournalQuery): ChangeView[] {
  const office = new OfficeContext();
  const { changes, reverted } = readChanges(queryOf(q), office.ss);
  return changes.map((c) => changeView(c, reverted.has(c.id), office.locale));
}

type Membership = NonNullable<Person['memberships']>[number];
const groupOf = (m: Membership) =>
  String(
    (m.contactGroupMembership as { contactGroupResourceName?: string } | undefined)?.contactGroupResourceName ?? '',
  );

export function revertChange(id: string): RevertResult {
  const office = new OfficeContext();
  const locale = office.locale;
  const found = findChange(String(id ?? ''), office.ss);
  if (!found) return { ok: false, message: journalText(locale, 'unknown', { id: String(id ?? '') }) };
  const { change, reverted } = found;

  const made: ContactChange[] = [];
  const sheet = new JournalSheet({ ss: office.ss });
  const log = {
    append(changes: ContactChange[]) {
      made.push(...changes);
      sheet.append(changes);
    },
  };
  const journalling = new JournallingDirectory(peopleDirectory, log, {
    source: 'revert',
    actor: office.actorEmail,
    clock: scriptClock,
    revertOf: change.id,
  });
  const people = new RecordingDirectory(journalling);
  const groups = people.listUserGroups();
  const names = new Map(groups.map((g) => [g.resourceName, g.name]));
  const current = change.action === 'deleted' && reverted ? undefined : people.getContacts([change.resourceName])[0];
  const currentLabels = current
    ? (current.memberships ?? []).map((m) => names.get(groupOf(m))).filter((n): n is string => !!n)
    : undefined;
  const plan = planRevert(change, current, currentLabels, reverted);
  if (plan.kind === 'refused') return { ok: false, message: refusalText(plan.reason, change, locale) };

  const groupNamed = (label: string): string => {
    const hit = groups.find((g) => g.name === label);
    if (hit) return hit.resourceName;
    const made = people.createGroup(label);
    groups.push({ name: label, resourceName: made });
    return made;
  };
  const relabel = (resourceName: string, add: string[], remove: string[]) => {
    for (const label of add) people.modifyMembers(groupNamed(label), [resourceName], []);
    for (const label of remove) {
      const group = groups.find((g) => g.name === label);
      if (group) people.modifyMembers(group.resourceName, [], [resourceName]);
    }
  };
  try {
    switch (plan.kind) {
      case 'delete':
        people.batchDelete([change.resourceName]);
        break;
      case 'update':
        if (plan.updatePersonFields)
          people.batchUpdate({ [change.resourceName]: plan.person }, plan.updatePersonFields);
        relabel(change.resourceName, plan.add, plan.remove);
        break;
      case 'labels':
        relabel(change.resourceName, plan.add, plan.remove);
        break;
      case 'recreate': {
        const memberships = plan.labels.map(
          (label) => ({ contactGroupMembership: { contactGroupResourceName: groupNamed(label) } }) as Membership,
        );
        people.batchCreate([{ ...plan.person, ...(memberships.length ? { memberships } : {}) }]);
        break;
      }
    }
  } finally {
    // What was written is journalled and indexed even when a later step of the revert failed.
    sheet.flush();
    indexChanges(people, office.settings.get('defaultCountry'));
  }
  const main = made.find((c) => c.action !== 'labels') ?? made[0];
  return { ok: true, ...(main ? { change: changeView(main, false, locale) } : {}) };
}
