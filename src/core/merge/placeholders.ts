// `{{field}}` placeholders in a mailing's or a document's template: one rule for finding and filling them, so a
// preview, a sent message and a generated invoice agree on what a template says and on what is missing.

/** `{{ givenName }}`, `{{office.name}}`: a name of letters, digits, `_` and `.`, spaces allowed inside the braces. */
const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_.]*)\s*\}\}/g;

/** The distinct placeholder names in a template, in the order they first appear. */
export function placeholders(template: string): string[] {
  const out: string[] = [];
  for (const m of template.matchAll(PLACEHOLDER)) if (!out.includes(m[1])) out.push(m[1]);
  return out;
}

/**
 * Each placeholder as the template writes it (`{{ givenName }}` with its spaces) and the name it gives: what a
 * document's find-and-replace must look for, since a Doc or a Sheet is filled in place rather than as one string.
 */
export function placeholderTexts(template: string): Array<{ text: string; name: string }> {
  const out: Array<{ text: string; name: string }> = [];
  for (const m of template.matchAll(PLACEHOLDER))
    if (!out.some((p) => p.text === m[0])) out.push({ text: m[0], name: m[1] });
  return out;
}

export interface Filled {
  text: string;
  /** Placeholders with no value or an empty one: a message with any is not sent ("Dear ," helps no one). */
  missing: string[];
  /** Placeholders that name no field at all (a typo such as `{{givenname}}`): the template is wrong, not the client. */
  unknown: string[];
}

/**
 * The template with each placeholder replaced by its value. `values` holds every field the template may name; a
 * name not in it is `unknown`, one whose value is blank is `missing`; both stay visible in the text as `{{name}}`.
 */
export function fillTemplate(template: string, values: Readonly<Record<string, string | undefined>>): Filled {
  const missing: string[] = [];
  const unknown: string[] = [];
  const text = template.replace(PLACEHOLDER, (whole, name: string) => {
    if (!Object.prototype.hasOwnProperty.call(values, name)) {
      if (!unknown.includes(name)) unknown.push(name);
      return whole;
    }
    const value = values[name];
    if (value === undefined || value.trim() === '') {
      if (!missing.includes(name)) missing.push(name);
      return whole;
    }
    return value;
  });
  return { text, missing, unknown };
}
