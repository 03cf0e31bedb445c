import { redactForLog } from '../../src/core/redact';

test('log lines keep the kind of failure and lose addresses, phones and quoted values', () => {
  const line = redactForLog(
    new Error('Invalid email: anna.ivanova@mail.ru; number +7 (912) 345-67-89 for "Иванова Анна"'),
  );
  expect(line).toBe('Error: Invalid email: …; number … for "…"');
  expect(redactForLog('Service invoked too many times for one day: email.')).toBe(
    'Service invoked too many times for one day: email.',
  );
});
