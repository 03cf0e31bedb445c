// PLACEHOLDER until wt-parsers is merged (the parsers' helper owns this file): the function the endpoint uses.

/** Zadarma's URL check (GET ?zd_echo=X): the text to answer, undefined when the request is not one. */
export function zadarmaEcho(params: Record<string, string>): string | undefined {
  return typeof params.zd_echo === 'string' ? params.zd_echo : undefined;
}
