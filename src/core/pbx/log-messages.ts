// What the PBX readers tell the office, in its language: the call-log reader's decisions and row problems
// (call-log.ts, asterisk.ts, call-csv.ts) and why a webhook could not be read (mango.ts, zadarma.ts,
// read-notice.ts). Kept beside them as messages.ts is beside processing. A message names a field or a column, and
// the cell value only when the problem is about it; never a caller's number. Counts are written as "…: 3" so one
// sentence reads right with any number in every language (as core/import/readers/reader-messages.ts does).

import { catalog } from '../i18n/catalog';

export const logText = catalog({
  en: {
    encoding: '"{file}" was read as {name}, columns separated by {separator}.',
    separator: 'Columns of "{file}" are separated by {separator}.',
    commas: 'commas',
    semicolons: 'semicolons',
    tabs: 'tabs',
    otherSeparator: "'{separator}'",
    recognisedAsterisk: 'Recognised as an Asterisk call log.',
    recognisedHistory: 'Read as a call history with a header row.',
    noHeaderRow:
      '"{file}" has no header row and is not an Asterisk Master.csv: name the columns (date, caller, called, status…) in its first row.',
    // asterisk.ts
    badStart: 'The call start is not a time like 2026-12-01 10:15:00.',
    badDisposition: 'The disposition is not ANSWERED, NO ANSWER, BUSY, FAILED or CONGESTION.',
    badBillsec: 'billsec is not a whole number of seconds.',
    noOutsideParty: 'Neither src nor dst is an outside number, and the call is not between two extensions.',
    cdrExport:
      'Read as an Asterisk CDR export: its header row names the CDR columns (src, dst, disposition, billsec…).',
    masterCsv:
      'Read as an Asterisk Master.csv (cdr_csv): no header row, columns accountcode, src, dst, dcontext, clid, channel, dstchannel, lastapp, lastdata, start, answer, end, duration, billsec, disposition, amaflags[, uniqueid, userfield].',
    wallClock: "Times read as the office's wall clock ({timeZone}).",
    answeredRule:
      'A call counts as answered when its disposition is ANSWERED and it reached a phone (dstchannel set); one answered by the voicemail or an IVR counts as missed.',
    furtherLegs:
      'Rows that are further legs of a ring group or queue call (the same uniqueid): {count}. Each call is read once.',
    noUniqueId:
      'Rows without a uniqueid: {count}. Each such call is known by its start, src, dst and channel, so importing the file again finds the same calls.',
    internalCalls: 'Rows that are calls between two extensions: {count}. Not client calls, skipped.',
    // call-csv.ts
    columnRead: "Column '{header}' read as {what}.",
    columnTaken: "Column '{header}' not used: '{other}' already holds {what}.",
    columnUnused: "Column '{header}' not used.",
    noDateColumn: 'No column of "{file}" reads as the call\'s date (for example "Дата" or "Date").',
    noPhoneColumn: 'No column of "{file}" reads as a phone number (for example "Кто звонил", "Кому", "Номер").',
    noStatusColumn: 'No status column: a call with talk time counts as answered.',
    noStatusOrTalk:
      'No status or duration column: whether a call was answered can only come from its direction (missed).',
    noDirectionColumn:
      'No direction column: a call is incoming when the number called is our extension or line, outgoing when the caller is.',
    repeatedIds:
      'Rows that repeat the id of a call above (a leg of a ring group or a transfer): {count}. Each is read as part of that call.',
    colDate: "the call's date and time",
    colTime: "the call's time of day",
    colFrom: "the caller's number",
    colTo: 'the number called',
    colClient: "the client's number",
    colDirection: 'the direction (incoming or outgoing)',
    colTalk: 'the talk time',
    colDuration: "the call's duration",
    colStatus: 'whether the call was answered',
    colId: "the call's id",
    colExtension: 'our extension',
    colRecording: 'the recording',
    colOurs: 'our number (the line)',
    noDate: 'The call has no date.',
    badDate: 'The date is not like 01.12.2026 10:15 or 2026-12-01 10:15.',
    badDirection: 'The direction is neither incoming nor outgoing.',
    unknownDirection:
      'Whether the call was incoming or outgoing cannot be told: no direction, and neither number is our extension or line.',
    noOutsideNumber: 'The call has no outside number.',
    notPhone: 'The number is not a phone number.',
    badDuration: 'The duration is not seconds or mm:ss.',
    badStatus: 'The status says neither answered nor missed.',
    unknownAnswered: 'Whether the call was answered cannot be told: no status and no talk time.',
    // mango.ts, zadarma.ts, read-notice.ts: {pbx} is Mango or Zadarma, {event} the event the request names.
    emptyRequest: 'The stored request is empty.',
    noReader: "The provider '{provider}' has no reader.",
    fieldMissing: "{pbx} {event}: the field '{field}' is missing or empty.",
    notJsonObject: "{pbx} {event}: the field '{field}' is not a JSON object.",
    notJson: "{pbx} {event}: the field '{field}' is not valid JSON.",
    notUnixTime: "{pbx} {event}: the field '{field}' is not a unix time.",
    notOneOrTwo: "{pbx} {event}: the field '{field}' is not 1 or 2.",
    endBeforeTalk: "{pbx} {event}: the field 'end_time' is before 'talk_time'.",
    notDateTime: "{pbx} {event}: the field '{field}' is not a date and time (YYYY-MM-DD HH:MM:SS).",
    notSeconds: "{pbx} {event}: the field '{field}' is not a whole number of seconds.",
    mangoNoEvent: 'Mango: the URL path names no Mango event (events/call, events/summary…).',
    zadarmaNoEvent: "Zadarma: the field 'event' is missing.",
    zadarmaUnknownEvent: "Zadarma: the event '{event}' is not one we know.",
  },
  ru: {
    encoding: 'Файл «{file}» прочитан как {name}, столбцы разделены {separator}.',
    separator: 'Столбцы файла «{file}» разделены {separator}.',
    commas: 'запятыми',
    semicolons: 'точками с запятой',
    tabs: 'табуляциями',
    otherSeparator: 'символом «{separator}»',
    recognisedAsterisk: 'Распознан как журнал звонков Asterisk.',
    recognisedHistory: 'Прочитан как история звонков со строкой заголовков.',
    noHeaderRow:
      'В файле «{file}» нет строки заголовков, и это не Master.csv Asterisk: назовите столбцы (дата, кто звонил, кому, статус…) в первой строке.',
    badStart: 'Начало звонка — не время вида 2026-12-01 10:15:00.',
    badDisposition: 'disposition — не ANSWERED, NO ANSWER, BUSY, FAILED или CONGESTION.',
    badBillsec: 'billsec — не целое число секунд.',
    noOutsideParty: 'Ни src, ни dst не внешний номер, и это не звонок между двумя внутренними номерами.',
    cdrExport:
      'Прочитан как выгрузка CDR Asterisk: строка заголовков называет столбцы CDR (src, dst, disposition, billsec…).',
    masterCsv:
      'Прочитан как Master.csv Asterisk (cdr_csv): без строки заголовков, столбцы accountcode, src, dst, dcontext, clid, channel, dstchannel, lastapp, lastdata, start, answer, end, duration, billsec, disposition, amaflags[, uniqueid, userfield].',
    wallClock: 'Время прочитано по часам офиса ({timeZone}).',
    answeredRule:
      'Звонок считается отвеченным, если disposition — ANSWERED и он дошёл до телефона (dstchannel заполнен); звонок, на который ответили голосовая почта или IVR, считается пропущенным.',
    furtherLegs:
      'Строк — дополнительных плеч звонка в группу или очередь (тот же uniqueid): {count}. Каждый звонок прочитан один раз.',
    noUniqueId:
      'Строк без uniqueid: {count}. Такой звонок узнаётся по началу, src, dst и channel, поэтому повторный импорт файла находит те же звонки.',
    internalCalls: 'Строк — звонков между двумя внутренними номерами: {count}. Это не звонки клиентов, пропущены.',
    columnRead: 'Столбец «{header}» прочитан как {what}.',
    columnTaken: 'Столбец «{header}» не использован: {what} уже в столбце «{other}».',
    columnUnused: 'Столбец «{header}» не использован.',
    noDateColumn: 'Ни один столбец файла «{file}» не читается как дата звонка (например, «Дата» или «Date»).',
    noPhoneColumn:
      'Ни один столбец файла «{file}» не читается как номер телефона (например, «Кто звонил», «Кому», «Номер»).',
    noStatusColumn: 'Нет столбца статуса: звонок с временем разговора считается отвеченным.',
    noStatusOrTalk:
      'Нет столбца статуса или длительности: отвечен ли звонок, видно только из направления (пропущенный).',
    noDirectionColumn:
      'Нет столбца направления: звонок входящий, если набранный номер — наш внутренний номер или линия, исходящий — если это номер звонящего.',
    repeatedIds:
      'Строк, повторяющих id звонка выше (плечо звонка в группу или перевод): {count}. Каждая прочитана как часть того звонка.',
    colDate: 'дата и время звонка',
    colTime: 'время звонка',
    colFrom: 'номер звонящего',
    colTo: 'набранный номер',
    colClient: 'номер клиента',
    colDirection: 'направление (входящий или исходящий)',
    colTalk: 'время разговора',
    colDuration: 'длительность звонка',
    colStatus: 'отвечен ли звонок',
    colId: 'id звонка',
    colExtension: 'наш внутренний номер',
    colRecording: 'запись',
    colOurs: 'наш номер (линия)',
    noDate: 'У звонка нет даты.',
    badDate: 'Дата не похожа на 01.12.2026 10:15 или 2026-12-01 10:15.',
    badDirection: 'Направление — ни входящий, ни исходящий.',
    unknownDirection:
      'Нельзя понять, входящий звонок или исходящий: направления нет, и ни один номер не наш внутренний номер или линия.',
    noOutsideNumber: 'У звонка нет внешнего номера.',
    notPhone: 'Это не номер телефона.',
    badDuration: 'Длительность — не секунды и не мм:сс.',
    badStatus: 'Статус не говорит ни «отвечен», ни «пропущен».',
    unknownAnswered: 'Нельзя понять, отвечен ли звонок: нет ни статуса, ни времени разговора.',
    emptyRequest: 'Сохранённый запрос пуст.',
    noReader: 'Для АТС «{provider}» нет обработчика.',
    fieldMissing: '{pbx} {event}: поле «{field}» отсутствует или пусто.',
    notJsonObject: '{pbx} {event}: поле «{field}» — не объект JSON.',
    notJson: '{pbx} {event}: поле «{field}» — не корректный JSON.',
    notUnixTime: '{pbx} {event}: поле «{field}» — не время unix.',
    notOneOrTwo: '{pbx} {event}: поле «{field}» — не 1 и не 2.',
    endBeforeTalk: '{pbx} {event}: поле «end_time» раньше «talk_time».',
    notDateTime: '{pbx} {event}: поле «{field}» — не дата и время (ГГГГ-ММ-ДД ЧЧ:ММ:СС).',
    notSeconds: '{pbx} {event}: поле «{field}» — не целое число секунд.',
    mangoNoEvent: 'Mango: путь URL не называет событие Mango (events/call, events/summary…).',
    zadarmaNoEvent: 'Zadarma: нет поля «event».',
    zadarmaUnknownEvent: 'Zadarma: событие «{event}» нам неизвестно.',
  },
  ka: {
    encoding: 'ფაილი „{file}“ წაკითხულია როგორც {name}, სვეტები გამოყოფილია {separator}.',
    separator: 'ფაილის „{file}“ სვეტები გამოყოფილია {separator}.',
    commas: 'მძიმეებით',
    semicolons: 'წერტილ-მძიმეებით',
    tabs: 'ტაბულაციით',
    otherSeparator: 'სიმბოლოთი „{separator}“',
    recognisedAsterisk: 'ამოცნობილია როგორც Asterisk-ის ზარების ჟურნალი.',
    recognisedHistory: 'წაკითხულია როგორც ზარების ისტორია სათაურების სტრიქონით.',
    noHeaderRow:
      'ფაილს „{file}“ არ აქვს სათაურების სტრიქონი და არ არის Asterisk-ის Master.csv: პირველ სტრიქონში დაასახელეთ სვეტები (თარიღი, ვინ რეკავდა, ვის, სტატუსი…).',
    badStart: 'ზარის დასაწყისი არ არის დრო, როგორიცაა 2026-12-01 10:15:00.',
    badDisposition: 'disposition არ არის ANSWERED, NO ANSWER, BUSY, FAILED ან CONGESTION.',
    badBillsec: 'billsec არ არის წამების მთელი რიცხვი.',
    noOutsideParty: 'არც src და არც dst არ არის გარე ნომერი, და ზარი არ არის ორ შიდა ნომერს შორის.',
    cdrExport:
      'წაკითხულია როგორც Asterisk-ის CDR ექსპორტი: მისი სათაურების სტრიქონი ასახელებს CDR-ის სვეტებს (src, dst, disposition, billsec…).',
    masterCsv:
      'წაკითხულია როგორც Asterisk-ის Master.csv (cdr_csv): სათაურების სტრიქონის გარეშე, სვეტები accountcode, src, dst, dcontext, clid, channel, dstchannel, lastapp, lastdata, start, answer, end, duration, billsec, disposition, amaflags[, uniqueid, userfield].',
    wallClock: 'დრო წაკითხულია ოფისის საათით ({timeZone}).',
    answeredRule:
      'ზარი ნაპასუხებად ითვლება, როცა მისი disposition არის ANSWERED და ის ტელეფონამდე მივიდა (dstchannel შევსებულია); ზარი, რომელსაც ხმოვანმა ფოსტამ ან IVR-მა უპასუხა, გამოტოვებულად ითვლება.',
    furtherLegs:
      'სტრიქონები, რომლებიც ჯგუფში ან რიგში ზარის დამატებითი ნაწილებია (იგივე uniqueid): {count}. თითოეული ზარი ერთხელ არის წაკითხული.',
    noUniqueId:
      'სტრიქონები uniqueid-ის გარეშე: {count}. ასეთი ზარი ამოიცნობა დასაწყისით, src-ით, dst-ით და channel-ით, ამიტომ ფაილის ხელახალი იმპორტი იგივე ზარებს პოულობს.',
    internalCalls:
      'სტრიქონები, რომლებიც ორ შიდა ნომერს შორის ზარებია: {count}. ეს კლიენტების ზარები არ არის, გამოტოვებულია.',
    columnRead: 'სვეტი „{header}“ წაკითხულია როგორც {what}.',
    columnTaken: 'სვეტი „{header}“ არ გამოიყენება: {what} უკვე არის სვეტში „{other}“.',
    columnUnused: 'სვეტი „{header}“ არ გამოიყენება.',
    noDateColumn: 'ფაილის „{file}“ არცერთი სვეტი არ იკითხება როგორც ზარის თარიღი (მაგალითად, „Дата“ ან „Date“).',
    noPhoneColumn:
      'ფაილის „{file}“ არცერთი სვეტი არ იკითხება როგორც ტელეფონის ნომერი (მაგალითად, „Кто звонил“, „Кому“, „Номер“).',
    noStatusColumn: 'სტატუსის სვეტი არ არის: ზარი საუბრის დროით ნაპასუხებად ითვლება.',
    noStatusOrTalk:
      'სტატუსის ან ხანგრძლივობის სვეტი არ არის: ნაპასუხებია თუ არა ზარი, მხოლოდ მიმართულებიდან ჩანს (გამოტოვებული).',
    noDirectionColumn:
      'მიმართულების სვეტი არ არის: ზარი შემომავალია, როცა აკრეფილი ნომერი ჩვენი შიდა ნომერი ან ხაზია, გამავალი — როცა ეს დამრეკის ნომერია.',
    repeatedIds:
      'სტრიქონები, რომლებიც ზემოთ მოცემული ზარის id-ს იმეორებენ (ჯგუფში ზარის ნაწილი ან გადამისამართება): {count}. თითოეული წაკითხულია იმ ზარის ნაწილად.',
    colDate: 'ზარის თარიღი და დრო',
    colTime: 'ზარის დრო',
    colFrom: 'დამრეკის ნომერი',
    colTo: 'აკრეფილი ნომერი',
    colClient: 'კლიენტის ნომერი',
    colDirection: 'მიმართულება (შემომავალი ან გამავალი)',
    colTalk: 'საუბრის დრო',
    colDuration: 'ზარის ხანგრძლივობა',
    colStatus: 'ნაპასუხებია თუ არა ზარი',
    colId: 'ზარის id',
    colExtension: 'ჩვენი შიდა ნომერი',
    colRecording: 'ჩანაწერი',
    colOurs: 'ჩვენი ნომერი (ხაზი)',
    noDate: 'ზარს თარიღი არ აქვს.',
    badDate: 'თარიღი არ ჰგავს 01.12.2026 10:15-ს ან 2026-12-01 10:15-ს.',
    badDirection: 'მიმართულება არც შემომავალია და არც გამავალი.',
    unknownDirection:
      'ვერ ვიგებთ, ზარი შემომავალი იყო თუ გამავალი: მიმართულება არ არის და არცერთი ნომერი არ არის ჩვენი შიდა ნომერი ან ხაზი.',
    noOutsideNumber: 'ზარს გარე ნომერი არ აქვს.',
    notPhone: 'ეს ტელეფონის ნომერი არ არის.',
    badDuration: 'ხანგრძლივობა არ არის წამები ან წთ:წმ.',
    badStatus: 'სტატუსი არც „ნაპასუხებს“ ამბობს და არც „გამოტოვებულს“.',
    unknownAnswered: 'ვერ ვიგებთ, ნაპასუხებია თუ არა ზარი: არც სტატუსია და არც საუბრის დრო.',
    emptyRequest: 'შენახული მოთხოვნა ცარიელია.',
    noReader: 'ატს „{provider}“-ისთვის დამმუშავებელი არ არის.',
    fieldMissing: '{pbx} {event}: ველი „{field}“ აკლია ან ცარიელია.',
    notJsonObject: '{pbx} {event}: ველი „{field}“ არ არის JSON ობიექტი.',
    notJson: '{pbx} {event}: ველი „{field}“ არ არის სწორი JSON.',
    notUnixTime: '{pbx} {event}: ველი „{field}“ არ არის unix დრო.',
    notOneOrTwo: '{pbx} {event}: ველი „{field}“ არც 1-ია და არც 2.',
    endBeforeTalk: '{pbx} {event}: ველი „end_time“ „talk_time“-ზე ადრეა.',
    notDateTime: '{pbx} {event}: ველი „{field}“ არ არის თარიღი და დრო (წწწწ-თთ-დდ სს:წთ:წმ).',
    notSeconds: '{pbx} {event}: ველი „{field}“ არ არის წამების მთელი რიცხვი.',
    mangoNoEvent: 'Mango: URL-ის გზა Mango-ს მოვლენას არ ასახელებს (events/call, events/summary…).',
    zadarmaNoEvent: 'Zadarma: ველი „event“ აკლია.',
    zadarmaUnknownEvent: 'Zadarma: მოვლენა „{event}“ ჩვენთვის უცნობია.',
  },
});

export type LogKey = Parameters<typeof logText>[1];
