// Runs of spaces, tabs and line breaks in a cell, as one space. Most cells have none, and telling them apart with one
// test costs less than building the two new strings the collapsing makes.

/** Something `.replace(/\s+/g, ' ').trim()` would change. */
const LOOSE_SPACE = /^\s|\s$|[^\S ]| {2}/;

/** `text.replace(/\s+/g, ' ').trim()`, returning text itself when that changes nothing. */
export function collapseSpaces(text: string): string {
  return LOOSE_SPACE.test(text) ? text.replace(/\s+/g, ' ').trim() : text;
}
