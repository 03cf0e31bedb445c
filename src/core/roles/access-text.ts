// The words about access — the mode the office is in, "who am I", the roles, a refused menu item — in the three
// languages, for the server (menu refusals, the Gmail card) and the sidebars alike. Kept apart from the shared
// messages so the role screens are read in one place.

import { catalog } from '../i18n/catalog';

export const accessText = catalog({
  en: {
    modeTitle: 'Access',
    modeShared:
      'Shared account: everyone uses the office’s one Google account, so Google cannot tell staff apart. The role comes from “Who am I” chosen in each browser — a convenience, not security.',
    modePersonal:
      'Personal accounts: each person signs in with their own Google account, and the role on the Staff sheet is enforced.',
    modeAnonymous:
      'Unknown user: Google does not give this person’s e-mail (another domain or a personal account), so they may look but not change the office’s data.',
    youAre: 'You: {who} ({role})',
    whoAmI: 'Who am I',
    whoAmIOffice: 'The office (all rights)',
    whoAmINote: 'Kept in this browser only. With a shared account this is a convenience, not security.',
    roleOffice: 'office account',
    roleDirector: 'director',
    roleAdministrator: 'administrator',
    roleManager: 'manager',
    roleSpecialist: 'specialist',
    roleNobody: 'no role',
    readOnlySettings: 'Only the director or the office account changes these settings.',
    refused: '{item}: not available for your role ({role}).',
    cardReadOnly: 'Google does not say who you are, so this card is read-only.',
    cardNoAddClient: 'Adding clients is for managers and administrators.',
  },
  ru: {
    modeTitle: 'Доступ',
    modeShared:
      'Общий аккаунт: все работают под одним Google-аккаунтом офиса, и Google не различает сотрудников. Роль берётся из «Кто я», выбранного в каждом браузере, — это удобство, а не защита.',
    modePersonal:
      'Личные аккаунты: каждый входит под своим Google-аккаунтом, и роль из листа «Сотрудники» соблюдается.',
    modeAnonymous:
      'Неизвестный пользователь: Google не сообщает его адрес (другой домен или личный аккаунт), поэтому он может смотреть, но не менять данные офиса.',
    youAre: 'Вы: {who} ({role})',
    whoAmI: 'Кто я',
    whoAmIOffice: 'Офис (все права)',
    whoAmINote: 'Хранится только в этом браузере. При общем аккаунте это удобство, а не защита.',
    roleOffice: 'аккаунт офиса',
    roleDirector: 'директор',
    roleAdministrator: 'администратор',
    roleManager: 'менеджер',
    roleSpecialist: 'специалист',
    roleNobody: 'без роли',
    readOnlySettings: 'Менять эти настройки может только директор или аккаунт офиса.',
    refused: '{item}: недоступно для вашей роли ({role}).',
    cardReadOnly: 'Google не сообщает, кто вы, поэтому карточка только для просмотра.',
    cardNoAddClient: 'Добавлять клиентов могут менеджеры и администраторы.',
  },
  ka: {
    modeTitle: 'წვდომა',
    modeShared:
      'საერთო ანგარიში: ყველა იყენებს ოფისის ერთ Google ანგარიშს, ამიტომ Google ვერ არჩევს თანამშრომლებს. როლი მოდის „ვინ ვარ მე“-დან, რომელიც თითოეულ ბრაუზერში აირჩევა — ეს მოხერხებულობაა და არა დაცვა.',
    modePersonal: 'პირადი ანგარიშები: ყველა შედის საკუთარი Google ანგარიშით და „თანამშრომლების“ ფურცლის როლი დაცულია.',
    modeAnonymous:
      'უცნობი მომხმარებელი: Google არ გვაწვდის მის ელფოსტას (სხვა დომენი ან პირადი ანგარიში), ამიტომ მას შეუძლია ნახვა, მაგრამ არა ოფისის მონაცემების შეცვლა.',
    youAre: 'თქვენ: {who} ({role})',
    whoAmI: 'ვინ ვარ მე',
    whoAmIOffice: 'ოფისი (ყველა უფლება)',
    whoAmINote: 'ინახება მხოლოდ ამ ბრაუზერში. საერთო ანგარიშისას ეს მოხერხებულობაა და არა დაცვა.',
    roleOffice: 'ოფისის ანგარიში',
    roleDirector: 'დირექტორი',
    roleAdministrator: 'ადმინისტრატორი',
    roleManager: 'მენეჯერი',
    roleSpecialist: 'სპეციალისტი',
    roleNobody: 'როლის გარეშე',
    readOnlySettings: 'ამ პარამეტრებს ცვლის მხოლოდ დირექტორი ან ოფისის ანგარიში.',
    refused: '{item}: თქვენი როლისთვის ({role}) მიუწვდომელია.',
    cardReadOnly: 'Google არ გვეუბნება, ვინ ხართ, ამიტომ ბარათი მხოლოდ სანახავია.',
    cardNoAddClient: 'კლიენტების დამატება მენეჯერებისა და ადმინისტრატორების საქმეა.',
  },
});

export type AccessTextKey = Parameters<typeof accessText>[1];

const ROLE_KEYS = {
  office: 'roleOffice',
  director: 'roleDirector',
  administrator: 'roleAdministrator',
  manager: 'roleManager',
  specialist: 'roleSpecialist',
  nobody: 'roleNobody',
} as const;

/** A role's name in the office's language. */
export function roleName(locale: Parameters<typeof accessText>[0], role: keyof typeof ROLE_KEYS): string {
  return accessText(locale, ROLE_KEYS[role]);
}
