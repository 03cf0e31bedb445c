// PLACEHOLDER until wt-parsers is merged (the parsers' helper owns this file): the two functions the endpoint uses,
// with the signatures agreed in the brief. Replaced wholesale by the parsers' version on merge.

/** Whether a Mango notification's `sign` is sha256_hex(api_key + json + api_salt) for our key and salt. */
export function mangoSignValid(
  params: Record<string, string>,
  apiKey: string,
  apiSalt: string,
  sha256Hex: (text: string) => string,
): boolean {
  if (!apiKey || !apiSalt || typeof params.sign !== 'string' || typeof params.json !== 'string') return false;
  const expected = sha256Hex(apiKey + params.json + apiSalt);
  const given = params.sign.toLowerCase();
  let diff = given.length ^ expected.length;
  for (let i = 0; i < expected.length; i++) diff |= (given.charCodeAt(i) || 0) ^ expected.charCodeAt(i);
  return diff === 0;
}
