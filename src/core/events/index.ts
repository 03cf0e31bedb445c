// The event log and reminders: pure rules; the Sheets and Calendar adapters live in src/server.

export * from './row';
export * from './ids';
export * from './status';
export * from './lists';
export * from './reminders';
export * from './calendar-plan';
export * from './log-rules';
export * from './digest-mail';
export { localDayKey, startOfLocalDay, endOfLocalDay, zonedInstant, zoneOffsetMinutes, formatLocal } from './zone';
export * from './open-events';
export * from './day-screen';
export * from './missed-kinds';
export { eventViewOf } from './view';
