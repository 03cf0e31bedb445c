// The labels an import applies, named once: a file spells "VIP" as "vip " on one row and "VIP" on the next, and the
// account may already have the group "Vip" — all one label, under the group's spelling.

import { STARRED_GROUP, STARRED_LABEL } from '../normalize/system-groups';
import { comparableText } from './keys';
import type { ContactGroupRef } from './types';

/** Labels as the plan names them: the group's own spelling when the account has it, else the file's first
 *  spelling; `labelGroups` maps each name to its existing group. */
export class LabelNames {
  readonly labelGroups: Record<string, string> = {};
  /** Every label the file uses, in first-use order. */
  readonly all: string[] = [];
  private readonly groupByText = new Map<string, ContactGroupRef>();
  private readonly fileSpelling = new Map<string, string>();
  // A file spells its few labels the same way on thousands of rows.
  private readonly textOf = new Map<string, string>();

  constructor(groups: ContactGroupRef[]) {
    for (const g of groups) {
      const text = comparableText(g.name);
      if (g.name && !this.groupByText.has(text)) this.groupByText.set(text, g);
    }
  }

  /** The plan's name for a label as a row spells it; undefined for a blank one. */
  name(raw: string): string | undefined {
    let text = this.textOf.get(raw);
    if (text === undefined) {
      text = comparableText(raw);
      this.textOf.set(raw, text);
    }
    if (!text) return undefined;
    if (raw === STARRED_LABEL) {
      // Google's "starred": membership of the system group, never a label of that name (system-groups.ts).
      this.labelGroups[STARRED_LABEL] = STARRED_GROUP;
      if (!this.fileSpelling.has(text)) {
        this.fileSpelling.set(text, STARRED_LABEL);
        this.all.push(STARRED_LABEL);
      }
      return STARRED_LABEL;
    }
    const group = this.groupByText.get(text);
    const name = group?.name ?? this.fileSpelling.get(text) ?? raw.trim();
    if (group) this.labelGroups[name] = group.resourceName;
    if (!this.fileSpelling.has(text)) {
      this.fileSpelling.set(text, name);
      this.all.push(name);
    }
    return name;
  }
}
