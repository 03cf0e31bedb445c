// Execution logs are read by whoever maintains the script, not only the office: an error's text may quote a client's
// address, phone or name, so what we log keeps the kind of failure and drops anything that looks personal.

/** Removes e-mail addresses, phone-like digit runs and quoted values from an error message. */
export function redactForLog(e: unknown): string {
  const text = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return text
    .replace(/[^\s<>,;:"']+@[^\s<>,;:"']+/g, '…')
    .replace(/\+?\d[\d\s().-]{5,}\d/g, '…')
    .replace(/"[^"]*"|«[^»]*»|'[^']*'/g, '"…"');
}
