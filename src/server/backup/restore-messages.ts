// What a restore says on the server side, in the office's language.

import { catalog } from '../../core/i18n/catalog';

const en = {
  noSuchNight: 'There is no kept backup of {night}: choose a night from the Backup sidebar (CRM → Backup…).',
};
type Key = keyof typeof en;

export const restoreText = catalog<Key>({
  en,
  ru: { noSuchNight: 'Резервной копии за {night} нет: выберите ночь в боковой панели «Резервные копии» (CRM → Резервные копии…).' },
  ka: { noSuchNight: '{night}-ის სარეზერვო ასლი არ არის: აირჩიეთ ღამე გვერდით პანელში (CRM → სარეზერვო ასლები…).' },
});
