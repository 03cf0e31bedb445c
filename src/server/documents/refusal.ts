// A document the rules refuse (a field missing, a template out of reach, no e-mail): nothing was made or sent. Its
// `name` travels through google.script.run and the CLI's serverRpc, so the CLI tells it (exit 2) from a failure.

export function refused(message: string): Error {
  const e = new Error(message);
  e.name = 'DocumentRefused';
  return e;
}
