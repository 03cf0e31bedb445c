// The change journal's pure part: change ids, what changed between two states of a contact, and the PeopleDirectory
// wrapper that turns every write an import, an undo or a restore makes into ContactChanges (types.ts) appended to a
// ChangeLog (ports/change-log.ts) — so any one of them can be undone later (revert.ts).

import { withoutCrmLines } from '../clients/crm-line';
import { familyFirstName } from '../export/contact-view';
import { orderFields } from '../import/plan/merge';
import type { ContactGroupRef } from '../import/plan/types';
import type { Person } from '../import/types';
import type { ChangeLog } from '../ports/change-log';
import type { Clock } from '../ports/clock';
import type { PeopleDirectory } from '../ports/people';
import type { ChangeAction, ChangeSource, ContactChange, ContactState } from './types';

/** The pseudo-field a label change names. */
export const LABELS_FIELD = 'memberships';

let sequence = 0;

/**
 * 'ch-' + the time in base36 (9 digits: sortable as text until the year 5188) + a counter within this execution (ids
 * made in the same millisecond keep their order) + random (two executions in the same millisecond never collide).
 */
export function newChangeId(now: number, random: () => number = Math.random): string {
  sequence = (sequence + 1) % 36 ** 3;
  const rand = Math.floor(random() * 36 ** 6)
    .toString(36)
    .padStart(6, '0');
  return `ch-${Math.max(0, Math.floor(now)).toString(36).padStart(9, '0')}${sequence.toString(36).padStart(3, '0')}${rand}`;
}

/** Parts Google derives from the structured name: not what anyone typed. */
const NAME_DERIVED = new Set(['displayName', 'displayNameLastFirst', 'unstructuredName', 'phoneticFullName']);
/** What a Person carries that is not a field a change is about. */
const NOT_FIELDS = new Set(['resourceName', 'etag', 'metadata', LABELS_FIELD, 'photos', 'coverPhotos']);

/** A value with what Google adds (metadata, formatted*, canonicalForm) and emptiness removed, keys sorted. */
function canonicalValue(v: unknown, dropNameDerived = false): unknown {
  if (Array.isArray(v)) {
    const items = v.map((x) => canonicalValue(x, dropNameDerived)).filter((x) => x !== undefined);
    return items.length ? items : undefined;
  }
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) {
      if (k === 'metadata' || k === 'canonicalForm' || k.startsWith('formatted')) continue;
      if (dropNameDerived && NAME_DERIVED.has(k)) continue;
      const x = canonicalValue((v as Record<string, unknown>)[k]);
      if (x !== undefined) out[k] = x;
    }
    return Object.keys(out).length ? out : undefined;
  }
  if (v === null || v === undefined || v === '') return undefined;
  return v;
}

/**
 * A field's value as text two reads of the same contact agree on: our write and Google's answer to it compare equal
 * (Google adds metadata, formatted values, a phone's canonicalForm, a name's display forms), entries as a set. Case
 * and spacing count: a corrected spelling is a change someone may want to undo.
 */
export function canonicalField(field: string, value: unknown): string {
  // A note without the CRM line (core/clients/crm-line.ts): the CRM's derived text is nobody's change to undo.
  if (field === 'biographies') value = withoutCrmLines(value);
  const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  const items = list
    .map((entry) => {
      // A name made only of its display form (a contact typed as one line) keeps that form.
      const structured =
        field === 'names' && entry && typeof entry === 'object'
          ? Object.keys(entry as object).some((k) => !NAME_DERIVED.has(k) && k !== 'metadata' && (entry as never)[k])
          : false;
      return JSON.stringify(canonicalValue(entry, structured) ?? null);
    })
    .filter((s) => s !== 'null')
    .sort();
  return items.length ? `[${items.join(',')}]` : '';
}

function hasValue(v: unknown): boolean {
  return Array.isArray(v) ? v.length > 0 : v !== undefined && v !== null && v !== '';
}

/** The People fields a person carries values in (in FIELD_ORDER), labels excluded. */
export function fieldsOf(person: Person | undefined): string[] {
  if (!person) return [];
  const record = person as Record<string, unknown>;
  // A cheap emptiness test, not canonicalField: an import's 25,000 created contacts each pass here.
  return orderFields(Object.keys(record).filter((k) => !NOT_FIELDS.has(k) && hasValue(record[k])));
}

function sameLabels(a: string[] | undefined, b: string[] | undefined): boolean {
  const x = [...new Set(a ?? [])].sort();
  const y = [...new Set(b ?? [])].sort();
  return x.length === y.length && x.every((v, i) => v === y[i]);
}

/**
 * The fields whose values differ between two states of a contact, compared canonically (canonicalField), in
 * FIELD_ORDER; 'memberships' when the label names differ (only when both states say which labels, or one is absent).
 * `among` limits the comparison (an update mask).
 */
export function diffStates(
  before: ContactState | undefined,
  after: ContactState | undefined,
  among?: readonly string[],
): string[] {
  const b = (before?.person ?? {}) as Record<string, unknown>;
  const a = (after?.person ?? {}) as Record<string, unknown>;
  const candidates = among
    ? among.filter((f) => f !== LABELS_FIELD && !NOT_FIELDS.has(f))
    : [...new Set([...fieldsOf(before?.person), ...fieldsOf(after?.person)])];
  const changed = candidates.filter((f) => canonicalField(f, b[f]) !== canonicalField(f, a[f]));
  const labelsKnown = (before?.labels !== undefined || !before) && (after?.labels !== undefined || !after);
  const labelsAsked = !among || among.includes(LABELS_FIELD);
  const labels = labelsAsked && labelsKnown && !sameLabels(before?.labels, after?.labels);
  return [...orderFields(changed), ...(labels ? [LABELS_FIELD] : [])];
}

/** The named fields of a person (absent ones stay absent: "had no value"), labels when the change is about them. */
export function stateOf(person: Person, fields: readonly string[], labels?: string[]): ContactState {
  const record = person as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const f of fields) if (f !== LABELS_FIELD && record[f] !== undefined) out[f] = stripMetadata(record[f]);
  const state: ContactState = { person: out as Person };
  if (labels !== undefined && fields.includes(LABELS_FIELD)) state.labels = [...new Set(labels)].sort();
  return state;
}

/** Values without Google's per-entry metadata (source ids, primary flags): the journal keeps what a person typed. */
function stripMetadata(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(stripMetadata);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (k !== 'metadata') out[k] = stripMetadata(x);
    return out;
  }
  return v;
}

/** The client's name as the journal lists it: the name, else the company, the e-mail or the phone. */
export function journalClientName(p: Person | undefined): string {
  if (!p) return '';
  return (
    familyFirstName(p) ||
    String(p.names?.[0]?.unstructuredName ?? '') ||
    String(p.emailAddresses?.[0]?.value ?? '') ||
    String(p.phoneNumbers?.[0]?.value ?? '')
  ).trim();
}

/** Who made a set of changes, and how: every change a JournallingDirectory or a direct write journals carries it. */
export interface ChangeContext {
  source: ChangeSource;
  actor: string;
  clock: Clock;
  /** For a revert: the change undone. */
  revertOf?: string;
}

/** One change from its two states; undefined when nothing really changed. */
export function makeChange(
  context: ChangeContext,
  action: ChangeAction,
  resourceName: string,
  before: ContactState | undefined,
  after: ContactState | undefined,
  options: { among?: readonly string[]; client?: string; fields?: string[] } = {},
): ContactChange | undefined {
  // A created or deleted contact's fields are those it has: known to the caller, no comparison needed.
  const fields = options.fields ?? diffStates(before, after, action === 'labels' ? [LABELS_FIELD] : options.among);
  if (!fields.length && action !== 'deleted' && action !== 'created') return undefined;
  const change: ContactChange = {
    id: newChangeId(context.clock.now()),
    at: new Date(context.clock.now()).toISOString(),
    actor: context.actor,
    source: context.source,
    action,
    resourceName,
    client: options.client ?? journalClientName(after?.person ?? before?.person),
    fields,
  };
  // States the caller built for exactly these fields are kept as they are (no second copy per created contact).
  const cut = (state: ContactState) => (options.fields ? state : narrowed(state, fields));
  if (before && action !== 'created') change.before = cut(before);
  if (after && action !== 'deleted') change.after = cut(after);
  if (context.revertOf) change.revertOf = context.revertOf;
  return change;
}

/** The state cut to the changed fields (names kept for the client's name when the change is to something else). */
function narrowed(state: ContactState, fields: string[]): ContactState {
  return stateOf(state.person, fields, fields.includes(LABELS_FIELD) ? (state.labels ?? []) : undefined);
}

type Membership = NonNullable<Person['memberships']>[number];
const groupOf = (m: Membership) =>
  String(
    (m.contactGroupMembership as { contactGroupResourceName?: string } | undefined)?.contactGroupResourceName ?? '',
  );

/**
 * A PeopleDirectory that journals every write it passes on (like core/card-index/recording-directory.ts, which it
 * may wrap or be wrapped by): what it listed or got is each contact's "before", each write is applied on top, so a
 * second write to a contact in the same run has the first one's result as its before. Changes go to the log right
 * after the People call answered: the log decides when they are stored (the import's gathers them into its next
 * journal commit — no Sheets write of its own).
 */
export class JournallingDirectory implements PeopleDirectory {
  private readonly known = new Map<string, Person>();
  private readonly groups = new Map<string, string>();

  constructor(
    private readonly inner: PeopleDirectory,
    private readonly log: ChangeLog,
    private readonly context: ChangeContext,
  ) {}

  private labelsOf(p: Person): string[] {
    return (p.memberships ?? [])
      .map((m) => this.groups.get(groupOf(m)))
      .filter((n): n is string => !!n)
      .sort();
  }

  private remember(persons: Person[]): void {
    for (const p of persons) if (p.resourceName) this.known.set(String(p.resourceName), p);
  }

  private emit(changes: Array<ContactChange | undefined>): void {
    const real = changes.filter((c): c is ContactChange => !!c);
    if (real.length) this.log.append(real);
  }

  listContacts(): Person[] {
    const all = this.inner.listContacts();
    this.remember(all);
    return all;
  }

  listUserGroups(): ContactGroupRef[] {
    const groups = this.inner.listUserGroups();
    for (const g of groups) this.groups.set(g.resourceName, g.name);
    return groups;
  }

  createGroup(name: string): string {
    const resourceName = this.inner.createGroup(name);
    this.groups.set(resourceName, name);
    return resourceName;
  }

  deleteGroup(resourceName: string): void {
    this.inner.deleteGroup(resourceName);
    const changes: Array<ContactChange | undefined> = [];
    for (const [name, p] of this.known) {
      if (!(p.memberships ?? []).some((m) => groupOf(m) === resourceName)) continue;
      const next = { ...p, memberships: (p.memberships ?? []).filter((m) => groupOf(m) !== resourceName) };
      changes.push(this.labelChange(name, p, next));
      this.known.set(name, next);
    }
    this.groups.delete(resourceName);
    this.emit(changes);
  }

  getContacts(resourceNames: string[]): Person[] {
    const fresh = this.inner.getContacts(resourceNames);
    this.remember(fresh);
    return fresh;
  }

  batchCreate(persons: Person[]): Person[] {
    const created = this.inner.batchCreate(persons);
    const changes = created.map((c, i) => {
      const person: Person = { ...persons[i], ...c };
      const resourceName = String(c.resourceName ?? '');
      if (!resourceName) return undefined;
      this.known.set(resourceName, person);
      const labels = this.labelsOf(person);
      const fields = [...fieldsOf(person), ...(labels.length ? [LABELS_FIELD] : [])];
      return makeChange(this.context, 'created', resourceName, undefined, stateOf(person, fields, labels), { fields });
    });
    this.emit(changes);
    return created;
  }

  batchUpdate(contacts: Record<string, Person>, updateMask: string): void {
    this.inner.batchUpdate(contacts, updateMask);
    const mask = updateMask
      .split(',')
      .map((f) => f.trim())
      .filter(Boolean);
    const changes = Object.entries(contacts).map(([resourceName, sent]) => {
      const before = this.known.get(resourceName) ?? {};
      const next: Record<string, unknown> = { ...before };
      for (const f of mask) {
        const value = (sent as Record<string, unknown>)[f];
        if (value === undefined) delete next[f];
        else next[f] = value;
      }
      this.known.set(resourceName, next as Person);
      return makeChange(this.context, 'updated', resourceName, stateOf(before, mask), stateOf(next as Person, mask), {
        among: mask,
        client: journalClientName(next as Person),
      });
    });
    this.emit(changes);
  }

  batchDelete(resourceNames: string[]): void {
    this.inner.batchDelete(resourceNames);
    const changes = resourceNames.map((resourceName) => {
      const before = this.known.get(resourceName);
      this.known.delete(resourceName);
      const labels = before ? this.labelsOf(before) : [];
      const fields = [...fieldsOf(before), ...(labels.length ? [LABELS_FIELD] : [])];
      return makeChange(
        this.context,
        'deleted',
        resourceName,
        before ? stateOf(before, fields, labels) : undefined,
        undefined,
        { fields },
      );
    });
    this.emit(changes);
  }

  modifyMembers(group: string, add: string[], remove: string[]): void {
    this.inner.modifyMembers(group, add, remove);
    const membership = { contactGroupMembership: { contactGroupResourceName: group } } as Membership;
    const changes: Array<ContactChange | undefined> = [];
    const adding = new Set(add);
    for (const name of [...add, ...remove]) {
      const p = this.known.get(name) ?? ({ resourceName: name } as Person);
      const others = (p.memberships ?? []).filter((m) => groupOf(m) !== group);
      const next = { ...p, memberships: adding.has(name) ? [...others, membership] : others };
      changes.push(this.labelChange(name, p, next));
      this.known.set(name, next);
    }
    this.emit(changes);
  }

  private labelChange(resourceName: string, before: Person, after: Person): ContactChange | undefined {
    const labelsBefore = this.labelsOf(before);
    const labelsAfter = this.labelsOf(after);
    return makeChange(
      this.context,
      'labels',
      resourceName,
      { person: {}, labels: labelsBefore },
      { person: {}, labels: labelsAfter },
      { client: journalClientName(after) },
    );
  }
}
