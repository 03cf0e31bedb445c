// Event ids, in a module of their own so the Reminders sidebar can make one without loading the row codec.

/**
 * A short id that sorts by creation time: 'E' + base-36 milliseconds + '-' + base-36 sequence. Deterministic, so a
 * rerun with the same clock and counter writes the same id (and finds the same calendar event).
 */
export function newEventId(now: number, seq: number): string {
  return `E${Math.floor(now).toString(36)}-${Math.max(0, Math.floor(seq)).toString(36)}`;
}

/**
 * A new event's id: the sequence part is random, so two executions (or two sidebars) started in the same
 * millisecond do not collide. The sidebar makes it before sending, so a retried request writes the event once.
 */
export function freshEventId(now: number, random: () => number): string {
  return newEventId(now, Math.floor(random() * 36 ** 4));
}
