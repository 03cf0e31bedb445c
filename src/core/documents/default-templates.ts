// The CRM's own offer and invoice, in the office's language: made once as Google Docs the office then edits (its
// logo, its wording); they name only the fields core/documents/fields.ts fills.

import type { Locale } from '../i18n/locale';
import type { DocumentTemplateKind } from './fields';

export interface DefaultTemplate {
  title: string;
  /** Paragraphs, in order. */
  lines: string[];
}

const TEMPLATES: Record<Locale, Record<DocumentTemplateKind, DefaultTemplate>> = {
  ru: {
    offer: {
      title: 'Шаблон CRM: коммерческое предложение',
      lines: [
        'Коммерческое предложение № {{order.number}} от {{today}}',
        '',
        'Кому: {{name}}',
        '{{company}}',
        '',
        '{{office.name}} предлагает: {{order.description}}',
        'Стоимость: {{order.amount}} {{order.currency}}',
        '',
        'С уважением,',
        '{{office.name}}',
        'Телефон: {{office.phone}}  E-mail: {{office.email}}',
      ],
    },
    invoice: {
      title: 'Шаблон CRM: счёт на оплату',
      lines: [
        'Счёт на оплату № {{order.number}} от {{today}}',
        '',
        'Поставщик: {{office.name}}',
        'ИНН: {{office.taxId}}',
        'Адрес: {{office.address}}',
        'Банковские реквизиты: {{office.bank}}',
        'Телефон: {{office.phone}}  E-mail: {{office.email}}',
        '',
        'Покупатель: {{name}}',
        '{{company}}',
        '',
        'Основание: заказ от {{order.date}}, {{order.description}}',
        'Итого к оплате: {{order.amount}} {{order.currency}}',
      ],
    },
  },
  en: {
    offer: {
      title: 'CRM template: offer',
      lines: [
        'Offer No. {{order.number}} of {{today}}',
        '',
        'To: {{name}}',
        '{{company}}',
        '',
        '{{office.name}} offers: {{order.description}}',
        'Price: {{order.amount}} {{order.currency}}',
        '',
        'Kind regards,',
        '{{office.name}}',
        'Phone: {{office.phone}}  E-mail: {{office.email}}',
      ],
    },
    invoice: {
      title: 'CRM template: invoice',
      lines: [
        'Invoice No. {{order.number}} of {{today}}',
        '',
        'Supplier: {{office.name}}',
        'Tax ID: {{office.taxId}}',
        'Address: {{office.address}}',
        'Bank details: {{office.bank}}',
        'Phone: {{office.phone}}  E-mail: {{office.email}}',
        '',
        'Bill to: {{name}}',
        '{{company}}',
        '',
        'For: the order of {{order.date}}, {{order.description}}',
        'Total due: {{order.amount}} {{order.currency}}',
      ],
    },
  },
  ka: {
    offer: {
      title: 'CRM შაბლონი: კომერციული შეთავაზება',
      lines: [
        'კომერციული შეთავაზება № {{order.number}}, {{today}}',
        '',
        'ადრესატი: {{name}}',
        '{{company}}',
        '',
        '{{office.name}} გთავაზობთ: {{order.description}}',
        'ღირებულება: {{order.amount}} {{order.currency}}',
        '',
        'პატივისცემით,',
        '{{office.name}}',
        'ტელეფონი: {{office.phone}}  ელ-ფოსტა: {{office.email}}',
      ],
    },
    invoice: {
      title: 'CRM შაბლონი: ანგარიშ-ფაქტურა',
      lines: [
        'ანგარიშ-ფაქტურა № {{order.number}}, {{today}}',
        '',
        'მიმწოდებელი: {{office.name}}',
        'საიდენტიფიკაციო კოდი: {{office.taxId}}',
        'მისამართი: {{office.address}}',
        'საბანკო რეკვიზიტები: {{office.bank}}',
        'ტელეფონი: {{office.phone}}  ელ-ფოსტა: {{office.email}}',
        '',
        'მყიდველი: {{name}}',
        '{{company}}',
        '',
        'საფუძველი: შეკვეთა {{order.date}}, {{order.description}}',
        'სულ გადასახდელი: {{order.amount}} {{order.currency}}',
      ],
    },
  },
};

export function defaultTemplate(kind: DocumentTemplateKind, locale: Locale): DefaultTemplate {
  return TEMPLATES[locale][kind];
}
