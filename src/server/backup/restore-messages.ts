// What a restore says on the server side, in the office's language.

import { catalog } from '../../core/i18n/catalog';

const en = {
  noSuchNight: 'There is no kept backup of {night}: choose a night from the Backup sidebar (CRM → Backup…).',
  dailyQuota:
    'Google allows only so many new contacts a day: the restore stopped and goes on when it is run again tomorrow (nothing is made twice).',
};
type Key = keyof typeof en;

export const restoreText = catalog<Key>({
  en,
  ru: {
    noSuchNight:
      'Резервной копии за {night} нет: выберите ночь в боковой панели «Резервные копии» (CRM → Резервные копии…).',
    dailyQuota:
      'Google разрешает создавать не так много контактов в день: восстановление остановлено и продолжится, если запустить его снова завтра (дважды ничего не создаётся).',
  },
  ka: {
    noSuchNight: '{night}-ის სარეზერვო ასლი არ არის: აირჩიეთ ღამე გვერდით პანელში (CRM → სარეზერვო ასლები…).',
    dailyQuota:
      'Google დღეში შეზღუდული რაოდენობის ახალი კონტაქტის შექმნის საშუალებას იძლევა: აღდგენა შეჩერდა და გაგრძელდება, თუ ხვალ ისევ გაუშვებთ (ორჯერ არაფერი შეიქმნება).',
  },
});
