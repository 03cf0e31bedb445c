// Common given names, for telling a given name from a surname when a cell holds both ("Петрова Мария", "Марина
// Ильина"): several of them end like surnames (Марина, Ирина, Екатерина end in -ина; Лев in -ев; Ян, Демьян in -ян),
// so the list is asked before the surname endings. Lower case; Russian, Ukrainian, Georgian and Armenian names in
// their own scripts and in Latin transliteration. Not exhaustive: a name missing here is decided by its partner word
// or by the vote over the column (names.ts).

const CYRILLIC = `
александр алексей анатолий андрей антон аркадий арсений артём артем артур богдан борис вадим валентин валерий
василий виктор виталий владимир владислав всеволод вячеслав геннадий георгий герман глеб григорий давид даниил
денис дмитрий евгений егор иван игорь илья кирилл константин лев леонид максим марк матвей михаил никита николай
олег павел пётр петр роман руслан святослав семён семен сергей станислав степан тимофей тимур фёдор федор филипп
эдуард юрий яков ян ярослав демьян лукьян емельян касьян севастьян тарас остап назар вениамин мартин
анна алина алла алёна алена алевтина альбина анастасия ангелина антонина анжелика валентина валерия варвара вера
вероника виктория галина дарья диана дина евгения екатерина елена елизавета жанна зарина зинаида злата зоя инна
ирина кира клавдия кристина ксения лариса лидия любовь людмила майя маргарита марина мария милана надежда наталья
наталия нина оксана олеся ольга полина раиса регина римма светлана софия софья таисия тамара татьяна ульяна фаина
юлия яна янина эвелина элина каролина карина арина ева эльвира христина августина агриппина
`;

const GEORGIAN = `
გიორგი დავით ნიკა ლუკა ლევან ზურაბ ირაკლი გოჩა თემურ ვახტანგ ალექსანდრე მიხეილ ნიკოლოზ გიგა ბექა დათო სანდრო
ილია შოთა ზაზა მამუკა ნოდარ რევაზ ტარიელ ლაშა გურამ
ნინო მარიამ თამარ ანა ეკატერინე ნათია სოფო სოფიო ქეთევან მაია ლია ნანა მანანა ხათუნა ეკა თეონა ნათელა ელენე
ნუცა ანი მზია ლალი ირმა ნესტან ციცინო სოფია ქეთია ტატია ხატია ბაია
`;

const ARMENIAN = `
արամ արմեն դավիթ գևորգ հայկ տիգրան ռուբեն սարգիս վահան արթուր նարեկ անի անահիտ արմինե լուսինե մարիամ նունե
գայանե սոնա
`;

const LATIN = `
alexander alexandr alexey aleksey andrey anton artem boris dmitry dmitriy egor igor ivan ilya kirill konstantin
lev maxim maksim mikhail nikita nikolay oleg pavel petr peter roman ruslan sergey sergei stanislav timur yury yuri
yan yaroslav
anna alina alla alena anastasia angelina valentina valeria vera victoria viktoria galina daria darya diana dina
ekaterina elena elizaveta irina kristina ksenia marina maria natalia natalya nina olga polina svetlana sofia
tatiana tatyana yulia julia yana karina arina
giorgi davit nika luka levan zurab irakli nino mariam tamar ketevan natia maia eka
aram armen gevorg hayk tigran ruben sargis vahan narek ani anahit lusine
john james bryan robert michael william david richard thomas charles daniel matthew mark paul steven george
mary patricia jennifer linda elizabeth barbara susan jessica sarah karen lisa emma olivia sophia
`;

export const GIVEN_NAMES: ReadonlySet<string> = new Set(
  [CYRILLIC, GEORGIAN, ARMENIAN, LATIN].flatMap((block) => block.split(/\s+/).filter(Boolean)),
);
