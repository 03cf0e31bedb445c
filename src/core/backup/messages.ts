// What the backup says to people, in the office's three languages: the morning line about a failed night.

import { catalog } from '../i18n/catalog';

export const backupText = catalog({
  en: {
    failedSubject: 'CRM: the backup of {night} failed',
    failedLine:
      'The nightly backup of {night} failed and pruned nothing: {problem}{more}. Open CRM → Backup… to see it and back up now.',
    more: ' (and {count} more)',
  },
  ru: {
    failedSubject: 'CRM: резервная копия за {night} не удалась',
    failedLine:
      'Ночная резервная копия за {night} не удалась, старые копии не удалены: {problem}{more}. CRM → Резервные копии… — подробности и «Сделать копию сейчас».',
    more: ' (и ещё {count})',
  },
  ka: {
    failedSubject: 'CRM: {night}-ის სარეზერვო ასლი ვერ შეიქმნა',
    failedLine:
      '{night}-ის ღამის სარეზერვო ასლი ვერ შეიქმნა, ძველი ასლები არ წაშლილა: {problem}{more}. გახსენით CRM → სარეზერვო ასლები…',
    more: ' (და კიდევ {count})',
  },
});
