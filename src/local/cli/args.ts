// A small argument parser: `command POSITIONAL… --flag value --switch`. Unknown flags are errors, so a typo never
// silently runs a different command.

export interface ParsedArgs {
  command: string;
  positional: string[];
  flags: Record<string, string | true>;
  /** The values of each repeatable option (`--set a=1 --set b=2`), in order. */
  lists: Record<string, string[]>;
}

export class UsageError extends Error {}

/** A well-formed command whose value the rules refuse (an unknown sheet or setting, a value not allowed): exit 2 with
 *  the message and what is allowed, without the whole usage text burying it. */
export class Refusal extends UsageError {}

export function parseArgs(argv: string[], known: Record<string, 'value' | 'switch' | 'list'>): ParsedArgs {
  const [command = 'help', ...rest] = argv;
  const positional: string[] = [];
  const flags: Record<string, string | true> = {};
  const lists: Record<string, string[]> = {};
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
    const kind = known[name];
    if (!kind) throw new UsageError(`Unknown option --${name}`);
    if (kind === 'switch') flags[name] = true;
    else {
      const value = inline ?? rest[++i];
      if (value === undefined) throw new UsageError(`--${name} needs a value`);
      if (kind === 'list') (lists[name] ??= []).push(value);
      else flags[name] = value;
    }
  }
  return { command, positional, flags, lists };
}

export function flag(args: ParsedArgs, name: string): string | undefined {
  const v = args.flags[name];
  return typeof v === 'string' ? v : undefined;
}
