// What the server says when a role may not do something (core/roles/roles.ts), in the product's three languages.

import type { Locale } from '../../core/i18n/locale';
import type { Capability, StaffRole } from '../../core/roles/roles';
import { catalog } from '../../core/i18n/catalog';

type StaffKey = 'staffNoName' | 'staffBadEmail' | 'staffUnknownRole' | 'staffDuplicate' | 'staffUnknownHead';

const en: Record<Capability | 'notOnStaffNote' | StaffKey, string> = {
  reports: 'Reports and the Dashboard are for the director and the administrator.',
  import: 'Importing, exporting and undoing an import are for the director and the administrator.',
  settingsView: 'The settings are for the director and the administrator.',
  settingsEdit:
    'Only the director and the office account may change the settings, the lists and the staff or run setup.',
  everyone: 'Only the director, the administrator and the office account may do this for everyone.',
  allClients: 'You see only your own clients.',
  logEvents: 'You may not log events.',
  editClients: 'You may not add or edit clients.',
  mailings: 'Mailings are for the director and the administrator.',
  notOnStaffNote: 'You are not on the Staff sheet: ask the director to add you.',
  staffNoName: 'Give the person a name.',
  staffBadEmail: '"{value}" is not an e-mail address.',
  staffUnknownRole: 'Unknown role "{value}": use director, administrator, manager or specialist.',
  staffDuplicate: '{email} is already on the Staff sheet ({name}).',
  staffUnknownHead: 'The head {email} is not on the Staff sheet.',
};
type Key = keyof typeof en;

const ru: Record<Key, string> = {
  reports: 'Отчёты и сводка — для директора и администратора.',
  import: 'Импорт, экспорт и отмена импорта — для директора и администратора.',
  settingsView: 'Настройки — для директора и администратора.',
  settingsEdit:
    'Менять настройки, списки и сотрудников и запускать настройку могут только директор и общий аккаунт офиса.',
  everyone: 'Это за всех могут делать только директор, администратор и общий аккаунт офиса.',
  allClients: 'Вам видны только ваши клиенты.',
  logEvents: 'Вы не можете записывать события.',
  editClients: 'Вы не можете добавлять и менять клиентов.',
  mailings: 'Рассылки — для директора и администратора.',
  notOnStaffNote: 'Вас нет на листе «Сотрудники»: попросите директора добавить вас.',
  staffNoName: 'Укажите имя сотрудника.',
  staffBadEmail: '«{value}» — не адрес электронной почты.',
  staffUnknownRole: 'Неизвестная роль «{value}»: директор, администратор, менеджер или специалист.',
  staffDuplicate: '{email} уже есть на листе «Сотрудники» ({name}).',
  staffUnknownHead: 'Руководителя {email} нет на листе «Сотрудники».',
};

const ka: Record<Key, string> = {
  reports: 'ანგარიშები და დაფა — დირექტორისა და ადმინისტრატორისთვისაა.',
  import: 'იმპორტი, ექსპორტი და იმპორტის გაუქმება — დირექტორისა და ადმინისტრატორისთვისაა.',
  settingsView: 'პარამეტრები — დირექტორისა და ადმინისტრატორისთვისაა.',
  settingsEdit:
    'პარამეტრების, სიების და თანამშრომლების შეცვლა და მომზადების გაშვება მხოლოდ დირექტორს და ოფისის საერთო ანგარიშს შეუძლია.',
  everyone: 'ამას ყველასთვის მხოლოდ დირექტორი, ადმინისტრატორი და ოფისის საერთო ანგარიში აკეთებს.',
  allClients: 'თქვენ მხოლოდ თქვენს კლიენტებს ხედავთ.',
  logEvents: 'თქვენ ვერ ჩაწერთ მოვლენებს.',
  editClients: 'თქვენ ვერ დაამატებთ და ვერ შეცვლით კლიენტებს.',
  mailings: 'დაგზავნები — დირექტორისა და ადმინისტრატორისთვისაა.',
  notOnStaffNote: 'თქვენ არ ხართ ფურცელზე „თანამშრომლები“: სთხოვეთ დირექტორს, დაგამატოთ.',
  staffNoName: 'მიუთითეთ თანამშრომლის სახელი.',
  staffBadEmail: '„{value}“ ელ-ფოსტის მისამართი არ არის.',
  staffUnknownRole: 'უცნობი როლი „{value}“: დირექტორი, ადმინისტრატორი, მენეჯერი ან სპეციალისტი.',
  staffDuplicate: '{email} უკვე არის ფურცელზე „თანამშრომლები“ ({name}).',
  staffUnknownHead: 'ხელმძღვანელი {email} არ არის ფურცელზე „თანამშრომლები“.',
};

export const roleText = catalog<Key>({ en, ru, ka });

/** A role as the Staff sheet's Role cell writes it in the office's language (roleOfText reads every one back). */
export const ROLE_NAMES: Record<Locale, Record<StaffRole, string>> = {
  en: { director: 'Director', administrator: 'Administrator', manager: 'Manager', specialist: 'Specialist' },
  ru: { director: 'Директор', administrator: 'Администратор', manager: 'Менеджер', specialist: 'Специалист' },
  ka: { director: 'დირექტორი', administrator: 'ადმინისტრატორი', manager: 'მენეჯერი', specialist: 'სპეციალისტი' },
};
