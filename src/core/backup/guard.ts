// The mass-deletion guard's rule: did more than `percent` of all contacts, or of one label, go since last night?
// A contact "went" from a label when it was deleted or taken out of it (a label emptied or deleted in the Contacts
// app takes all its members out). The nightly sync (server/backup/sync.ts) asks this and mails the office.

export interface GuardContact {
  resourceName: string;
  /** Its user label names last night. */
  labels: string[];
}

export interface LabelLoss {
  label: string;
  /** Members gone from it (deleted or taken out). */
  deleted: number;
  /** Members it had last night. */
  of: number;
}

export interface MassDeletion {
  fire: boolean;
  /** The contacts deleted since last night. */
  deleted: string[];
  /** Contacts to bring back when it fires: the deleted ones and those taken out of a label that crossed the share. */
  affected: string[];
  total: { deleted: number; of: number };
  /** Every label that lost members, most lost first; `over`: it crossed the share. */
  labels: Array<LabelLoss & { over: boolean }>;
}

/** More than `percent` % of `of` (an empty base never fires). */
const over = (gone: number, of: number, percent: number) => of > 0 && gone * 100 > percent * of;

/**
 * `previous`: last night's contacts with their labels; `deleted`: resourceNames gone since; `removed`: contacts
 * still there but taken out of a label since.
 */
export function massDeletion(
  previous: GuardContact[],
  deleted: string[],
  removed: Array<{ resourceName: string; label: string }>,
  percent: number,
): MassDeletion {
  const known = new Map(previous.map((c) => [c.resourceName, c]));
  const gone = [...new Set(deleted)].filter((rn) => known.has(rn));
  const members = new Map<string, number>();
  for (const c of previous) for (const l of new Set(c.labels)) members.set(l, (members.get(l) ?? 0) + 1);
  const lost = new Map<string, Set<string>>();
  const lose = (label: string, rn: string) => {
    if (!members.has(label)) return;
    const set = lost.get(label) ?? new Set<string>();
    set.add(rn);
    lost.set(label, set);
  };
  for (const rn of gone) for (const l of known.get(rn)!.labels) lose(l, rn);
  for (const r of removed) if (known.get(r.resourceName)?.labels.includes(r.label)) lose(r.label, r.resourceName);
  const labels = [...lost.entries()]
    .map(([label, set]) => {
      const of = members.get(label)!;
      return { label, deleted: set.size, of, over: over(set.size, of, percent) };
    })
    .sort((a, b) => b.deleted - a.deleted || a.label.localeCompare(b.label));
  const totalOver = over(gone.length, previous.length, percent);
  const fire = totalOver || labels.some((l) => l.over);
  const affected = new Set(gone);
  for (const l of labels) if (l.over) for (const rn of lost.get(l.label)!) affected.add(rn);
  return {
    fire,
    deleted: gone,
    affected: fire ? [...affected] : [],
    total: { deleted: gone.length, of: previous.length },
    labels,
  };
}
