// Helpers the emulator suites share.

/** The message a call throws, as the script would read it; '(no error)' when it does not throw. */
export function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  return '(no error)';
}
