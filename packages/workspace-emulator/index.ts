// The emulated Google Workspace: the one entry of this package. Everything a host (a sandbox, a CLI, tests, a
// benchmark) needs is exported from here; nothing else in the package is a public path.

export * from './src/workspace';
export { StateConflictError } from './src/state/persistent-state';
export * from './src/context';
export * from './src/execution';
export * from './src/call-log';
export * from './src/clock';
export * from './src/errors';
export * from './src/faults';
export * from './src/latency';
export * from './src/wire-size';
export * from './src/people/service';
export * from './src/people/store';
export * from './src/people/quotas';
export * from './src/spreadsheet/service';
export * from './src/spreadsheet/store';
export * from './src/spreadsheet/a1';
export * from './src/calendar/service';
export * from './src/calendar/store';
export * from './src/calendar/advanced-service';
export * from './src/gmail/service';
export * from './src/script/cache';
export * from './src/script/lock';
export * from './src/script/properties';
export * from './src/script/logger';
export * from './src/script/session';
export * from './src/script/script-app';
export * from './src/script/utilities';
export * from './src/ui/card-service';
export * from './src/ui/html-service';
export * from './src/urlfetch/network';
export * from './src/urlfetch/service';
export * from './src/sheets/scopes';
export * from './src/loader/load-bundle';
export * from './src/loader/membrane';
export * from './src/loader/script-run-rules';
export * from './src/limits';
