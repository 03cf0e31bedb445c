// The card fields the insert buttons offer (the mailing engine, core/mailing, decides what each is worth; a name it
// does not know comes back in the preview's `unknown`, so this list can only offer, never decide).

export const INSERTABLE_FIELDS = [
  'givenName',
  'familyName',
  'middleName',
  'name',
  'company',
  'manager',
  'nextPlanned',
  'lastContact',
  'email',
  'phone',
  'birthday',
  'office.name',
] as const;

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
