// Logger and console for scripts. Entries are kept in memory and never printed to the real stdout (tests stay quiet);
// the sandbox subscribes to show them. Logging is local to the run in Apps Script and costs no round trip.

import { Emulated } from './emulated';
import { formatPrintf } from './java-format';

export type LogLevel = 'log' | 'info' | 'warn' | 'error';

export interface LogEntry {
  level: LogLevel;
  /** Where it came from: `Logger` or `console`. */
  source: 'Logger' | 'console';
  message: string;
  /** Virtual time of the entry, when the sink knows the clock. */
  at?: number;
}

function show(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  if (typeof value === 'object' && value !== null) {
    try {
      return JSON.stringify(value);
    } catch {
      return String(value);
    }
  }
  return String(value);
}

/** console.log-style: a string first argument may hold %s/%d/%o placeholders; the rest are appended. */
function consoleMessage(args: readonly unknown[]): string {
  if (args.length === 0) return '';
  const [first, ...rest] = args;
  if (typeof first === 'string' && /%[sdifoOj%]/.test(first)) {
    let used = 0;
    const head = first.replace(/%([sdifoOj%])/g, (whole, c: string) => {
      if (c === '%') return '%';
      if (used >= rest.length) return whole;
      const v = rest[used++];
      if (c === 'd' || c === 'i') return String(Math.trunc(Number(v)));
      if (c === 'f') return String(Number(v));
      return show(v);
    });
    return [head, ...rest.slice(used).map(show)].join(' ');
  }
  return args.map(show).join(' ');
}

export class LogSink {
  private readonly all: LogEntry[] = [];
  private readonly listeners = new Set<(entry: LogEntry) => void>();
  /** Index of the first entry Logger.getLog() still returns (Logger.clear moves it). */
  private loggerStart = 0;

  constructor(private readonly now?: () => number) {}

  record(level: LogLevel, source: LogEntry['source'], message: string): void {
    const entry: LogEntry = { level, source, message, at: this.now?.() };
    this.all.push(entry);
    for (const l of this.listeners) l(entry);
  }

  /** All entries so far (a copy). */
  entries(): LogEntry[] {
    return this.all.map((e) => ({ ...e }));
  }

  /** Receive entries as they are written; returns the unsubscribe function. */
  subscribe(listener: (entry: LogEntry) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** @internal Logger.getLog: the Logger entries since the last Logger.clear(). */
  loggerText(): string {
    return this.all
      .slice(this.loggerStart)
      .filter((e) => e.source === 'Logger')
      .map((e) => e.message)
      .join('\n');
  }

  /** @internal */
  clearLogger(): void {
    this.loggerStart = this.all.length;
  }

  /** The `console` global a script sees. */
  console(): Pick<Console, 'log' | 'info' | 'warn' | 'error' | 'time' | 'timeEnd'> {
    const timers = new Map<string, number>();
    const clock = (): number => this.now?.() ?? Date.now();
    return {
      log: (...args: unknown[]) => this.record('log', 'console', consoleMessage(args)),
      info: (...args: unknown[]) => this.record('info', 'console', consoleMessage(args)),
      warn: (...args: unknown[]) => this.record('warn', 'console', consoleMessage(args)),
      error: (...args: unknown[]) => this.record('error', 'console', consoleMessage(args)),
      time: (label: string) => {
        timers.set(String(label), clock());
      },
      timeEnd: (label: string) => {
        const start = timers.get(String(label));
        if (start === undefined) return;
        timers.delete(String(label));
        this.record('log', 'console', `${String(label)}: ${clock() - start}ms`);
      },
    };
  }
}

type LoggerApi = Emulated<GoogleAppsScript.Base.Logger, 'log' | 'getLog' | 'clear'>;

class LoggerEmulation implements LoggerApi {
  readonly #sink: LogSink;

  constructor(sink: LogSink) {
    this.#sink = sink;
  }

  /** Logger.log(data) or Logger.log(format, ...values) with printf-style placeholders. */
  log(format: unknown, ...values: unknown[]): this {
    const message = values.length > 0 && typeof format === 'string' ? formatPrintf(format, values) : show(format);
    this.#sink.record('info', 'Logger', message);
    return this;
  }

  getLog(): string {
    return this.#sink.loggerText();
  }

  clear(): void {
    this.#sink.clearLogger();
  }
}

export function createLogger(sink: LogSink): LoggerEmulation {
  return new LoggerEmulation(sink);
}
