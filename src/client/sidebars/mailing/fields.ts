// The insert buttons offer the engine's own list of fields (core/mailing/fields.ts): one list, so a button can never
// put in a name the preview would call unknown.

import { MAILING_FIELDS } from '../../../core/mailing/fields';

export const INSERTABLE_FIELDS = MAILING_FIELDS;

/** `{{field}}` put at the textarea's caret (or over its selection), the caret after it. */
export function insertPlaceholder(area: HTMLTextAreaElement | HTMLInputElement, field: string): void {
  const token = `{{${field}}}`;
  const start = area.selectionStart ?? area.value.length;
  const end = area.selectionEnd ?? start;
  area.value = area.value.slice(0, start) + token + area.value.slice(end);
  const caret = start + token.length;
  area.setSelectionRange(caret, caret);
  area.focus();
}
