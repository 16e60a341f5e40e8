## Layout and navigation
skip-to-content = Перейти к основному содержанию
nav-label = Основное меню
nav-register = Публичный реестр
nav-sign-in = Вход
nav-my-cases = Мои дела
nav-file = Подать жалобу
nav-inbox = Входящие
nav-caseload = Портфель дел
nav-intake = Прием жалоб
nav-all-cases = Все дела
nav-received-mail = Полученная почта
nav-failed-notices = Недоставленные уведомления
nav-dashboard = Панель показателей
nav-samples = Выборки для проверки
nav-users = Пользователи
nav-delegations = Делегации
nav-bodies = Органы
nav-mediators = Посредники
nav-holidays = Праздничные дни
nav-policies = Сроки
language = Язык
language-change = Изменить
locale-en = English
locale-fr = Français
locale-es = Español
locale-ar = العربية
locale-zh = 中文
locale-ru = Русский
sign-out = Выйти
footer-purpose = Официальный и прозрачный механизм рассмотрения жалоб на процедурные нарушения с четко установленными сроками восстановления прав.
footer-zone = Время указано по часовому поясу { $zone }.
back-home = Вернуться на начальную страницу
choose = — выберите —
problems-title = Обнаружена проблема
error-prefix = Ошибка:

## Roles
role-delegate = Делегат
role-respondent = Ответчик
role-mediator = Посредник
role-registrar = Регистратор
role-oversight = Сотрудник по надзору
role-admin = Администратор

## Flash messages
flash-signed-out = Вы вышли из системы.
flash-reset-sent = Если этот адрес аккредитован, на него направлен код сброса пароля. Введите его ниже.
flash-password-changed = Ваш пароль изменен. Войдите в систему с новым паролем.
flash-already-done = Эта форма уже была отправлена; ниже показан результат.

## Home
home-title = Redress
home-intro = Здесь делегации подают жалобы на процедурные нарушения и следят за их рассмотрением вплоть до вынесения решения в опубликованные сроки.

## Sign-in and password
sign-in-title = Вход в систему
sign-in = Войти
sign-in-failed = Неверный адрес электронной почты или пароль либо учетная запись неактивна.
sign-in-locked = Слишком много неудачных попыток входа с этим адресом. Для защиты от подбора пароля вход приостановлен до { $until }; тем временем забытый пароль можно сбросить.
forgot-link = Забыли пароль?
forgot-title = Сброс пароля
forgot-intro = Введите адрес электронной почты Вашей учетной записи. Если он аккредитован, мы направим на него код сброса пароля.
forgot-send = Отправить код
reset-title = Выбор нового пароля
reset-intro = Введите код из сообщения электронной почты и новый пароль длиной не менее 12 символов.
reset-save = Сохранить пароль
reset-mismatch = Введенные пароли не совпадают.

## Fields
field-email = Адрес электронной почты
field-password = Пароль
field-password_confirmation = Повторите пароль
field-token = Код сброса
field-lang = Язык
hint-token = Код из сообщения электронной почты; он действует однократно.
hint-password = Не менее 12 символов.
field-required = Укажите значение.
field-invalid-choice = Выберите один из вариантов.
field-invalid = Недопустимое значение.
field-bad-email = Укажите адрес электронной почты.
field-too-short = Минимальное число символов: { $min }.
field-too-long = Максимальное число символов: { $max }.

## Errors
error-not-found = Страница не найдена
error-not-found-help = Такой страницы не существует, или она Вам недоступна.
error-unauthorized = Войдите в систему, чтобы продолжить
error-unauthorized-help = Для доступа к этой странице необходимо войти в систему.
error-forbidden = Действие не разрешено
error-forbidden-help = Ваша роль в этом деле не позволяет совершить это действие.
error-forged = Форма не может быть принята
error-forged-help = Срок действия формы истек, или она была отправлена не с этого сайта. Вернитесь назад, перезагрузите страницу и отправьте форму повторно.
error-invalid = Некоторые значения недопустимы
error-invalid-help = Вернитесь назад и исправьте их.
error-conflict = Не удалось выполнить действие
error-conflict-help = Текущее состояние дела не позволяет сделать это, или в тот же момент дело изменил другой пользователь. Перезагрузите страницу дела и повторите попытку.
error-internal = Произошла ошибка
error-internal-help = Проблема возникла на нашей стороне и зарегистрирована. Повторите попытку через некоторое время.
error-unavailable = Временно недоступно
error-unavailable-help = Служба временно не может подключиться к своей базе данных. Никаких изменений не внесено; повторите попытку через несколько секунд.
error-throttled = Временная пауза
error-throttled-help = Слишком много попыток было отклонено. Дождитесь указанного ниже времени и повторите попытку.

## Common words
any = Любой
yes = Да
no = Нет
filter = Применить фильтр
pager = Страницы
page-prev = Предыдущая страница
page-next = Следующая страница
page-of = Страница { $page } из { $pages }
withheld = не раскрывается
on-hold = приостановлено
flash-filed = Ваша жалоба подана. Ниже указаны ее регистрационный номер и первые сроки.
flash-action-done = Выполнено. Дело обновлено, и сообщения электронной почты заинтересованным лицам поставлены в очередь на отправку.

## Case lists
my-cases-title = Мои дела
inbox-title = Входящие
all-cases-title = Все дела
caseload-title = Мой портфель дел
awaiting-title = Ожидают Вашего ответа
awaiting-none = Дел, ожидающих Вашего ответа, нет.
all-yours-title = Все дела против Вас
caseload-open = открытые дела
caseload-overdue = с пропущенным сроком
caseload-week = со сроком до конца этой недели
caseload-order = Дела упорядочены по ближайшему сроку, начиная с самых неотложных.
cases-count = { $n ->
    [one] { $n } дело
    [few] { $n } дела
    [many] { $n } дел
   *[other] { $n } дела
}
cases-none = Дел нет.
filter-overdue = Срок пропущен
col-reference = Регистрационный номер
col-title = Название
col-status = Статус
col-complainant = Заявитель
col-next-deadline = Ближайший срок
col-filed = Дата подачи
col-clock = Срок
col-party = Ответственная сторона
col-due = Истекает
col-standing = Состояние

## Clocks
clock-days-left = { $n ->
    [0] истекает сегодня
    [one] { $unit ->
        [calendar] остался { $n } календарный день
       *[working] остался { $n } рабочий день
    }
    [few] { $unit ->
        [calendar] осталось { $n } календарных дня
       *[working] осталось { $n } рабочих дня
    }
    [many] { $unit ->
        [calendar] осталось { $n } календарных дней
       *[working] осталось { $n } рабочих дней
    }
   *[other] { $unit ->
        [calendar] осталось { $n } календарного дня
       *[working] осталось { $n } рабочего дня
    }
}
clock-overdue-by = { $n ->
    [0] срок истек сегодня
    [one] просрочено на { $n } { $unit ->
        [calendar] календарный день
       *[working] рабочий день
    }
    [few] просрочено на { $n } { $unit ->
        [calendar] календарных дня
       *[working] рабочих дня
    }
    [many] просрочено на { $n } { $unit ->
        [calendar] календарных дней
       *[working] рабочих дней
    }
   *[other] просрочено на { $n } { $unit ->
        [calendar] календарного дня
       *[working] рабочего дня
    }
}
clock-overdue = просрочено
clock-running = течет
clock-paused = приостановлен (рассмотрение дела приостановлено)
clock-lapsed = истек: возможность не была использована
clock-met = соблюден
clock-met-late = соблюден с опозданием
clock-cancelled = больше не требуется
clock-acknowledge = Подтверждение получения
clock-eligibility = Решение о приемлемости
clock-mediator_assignment = Назначение посредника
clock-resolution = Разрешение дела
clock-formal_response = Официальный ответ
clock-complainant_reply = Ответ заявителя
clock-information = Запрошенная информация
clock-independent_review = Независимое рассмотрение
clock-appeal_window = Срок подачи апелляции
clock-monitoring = Мониторинг

## Parties
party-complainant = Заявитель
party-respondent = Ответчик
party-mediator = Посредник
party-registrar = Служба регистрации

## Statuses
status-submitted = Подано
status-registered = Зарегистрировано
status-under_assessment = На стадии оценки
status-dismissed = Отклонено
status-in_mediation = На стадии посредничества
status-awaiting_response = Ожидается ответ
status-response_received = Ответ получен
status-settled = Урегулировано
status-monitoring = На стадии мониторинга
status-under_review = На независимом рассмотрении
status-decided = Решение вынесено
status-withdrawn = Отозвано
status-closed = Закрыто

## Categories
category-speaking_time = Время для выступлений
category-agenda_setting = Формирование повестки дня
category-document_access = Доступ к документам
category-interpretation = Устный и письменный перевод
category-scheduling = Планирование заседаний и часовые пояса
category-voting_procedure = Процедура голосования
category-chair_conduct = Действия председателя
category-exclusion_from_consultations = Отстранение от консультаций
category-retaliation = Преследование
category-other = Прочее

## Vocabulary
confidentiality-public = Публично
confidentiality-identity_protected = Без раскрытия личности
urgency-normal = Обычная
urgency-urgent = Срочная
language-en = Английский
language-fr = Французский
language-es = Испанский
language-ar = Арабский
language-zh = Китайский
language-ru = Русский
outcome-response_accepted = Ответ принят
outcome-settled = Урегулировано
outcome-upheld = Жалоба удовлетворена
outcome-partly_upheld = Жалоба удовлетворена частично
outcome-not_upheld = В удовлетворении жалобы отказано
outcome-dismissed = Жалоба отклонена
outcome-withdrawn = Жалоба отозвана
decision-upheld = Жалоба удовлетворена
decision-partly_upheld = Жалоба удовлетворена частично
decision-not_upheld = В удовлетворении жалобы отказано
dismissal-outside_mandate = Вне мандата механизма
dismissal-not_procedural = Не касается процедурных вопросов
dismissal-time_barred = Подана с пропуском срока
dismissal-duplicate_of_pending_case = Дублирует дело, находящееся на рассмотрении
dismissal-anonymous_or_unidentified = Анонимная жалоба или заявитель не установлен
dismissal-manifestly_unfounded = Явно необоснованная
dismissal-resolved_before_registration = Урегулирована до регистрации
dismissal-other = Иная причина
extension-pending = на рассмотрении
extension-granted = удовлетворена
extension-refused = отклонена
submission-complaint = Жалоба
submission-information_request = Запрос информации
submission-information = Информация
submission-response_request = Запрос официального ответа
submission-formal_response = Официальный ответ
submission-acceptance = Принятие ответа
submission-counter_proposal = Встречное предложение
submission-settlement_proposal = Урегулирование
submission-escalation_note = Эскалация
submission-decision = Решение
submission-appeal = Апелляция
submission-monitoring_plan = План мониторинга
submission-closing_note = Заключительная записка
submission-withdrawal = Отзыв жалобы
submission-note = Примечание
method-automatic = автоматически
method-manual = выбран службой регистрации
method-override = выбран, несмотря на конфликт интересов
assign-automatic = Выбрать автоматически (по очереди, без конфликта интересов)
assign-nobody = Нет посредников, которые могут быть назначены
assign-excluded = Не выбраны
assign-eligible = Могут быть назначены: { $n }
challenge-by = Отвод заявлен стороной: { $party }
challenge-pending = на рассмотрении
challenge-upheld = удовлетворен
challenge-rejected = отклонен
challenge-moot = утратил актуальность

## Actions (buttons and timeline)
action-file = Жалоба подана
action-register = Зарегистрировать
action-declare_eligible = Признать приемлемой
action-dismiss = Отклонить
action-assign_mediator = Назначить посредника
action-request_response = Запросить официальный ответ
action-submit_response = Представить официальный ответ
action-accept_response = Принять ответ
action-contest_response = Оспорить ответ
action-record_settlement = Зафиксировать урегулирование
action-escalate = Передать на независимое рассмотрение
action-record_decision = Зафиксировать решение
action-appeal = Подать апелляцию
action-start_monitoring = Начать мониторинг
action-close = Закрыть дело
action-withdraw = Отозвать жалобу
action-place_hold = Приостановить рассмотрение
action-lift_hold = Возобновить рассмотрение
action-request_information = Запросить информацию
action-provide_information = Представить информацию
action-request_extension = Запросить продление срока
action-decide_extension = Принять решение о продлении срока
action-challenge_mediator = Заявить отвод посреднику
action-decide_challenge = Принять решение по отводу
action-recuse_mediator = Взять самоотвод
action-assignment_blocked = Не удалось назначить посредника
action-viewed = Просмотрено сотрудником по надзору
action-breach = Срок пропущен
action-escalation = Передано сотрудникам по надзору
action-notice_failed = Уведомление не удалось доставить
action-notice_requeued = Уведомление отправлено повторно
afield-note = Примечание
afield-reason = Причина
afield-mediator = Посредник
afield-override_reason = Обоснование выбора посредника, имеющего конфликт интересов (только при отступлении от результатов проверки)
afield-request = Запрос
afield-response = Официальный ответ
afield-counter_proposal = Встречное предложение
afield-terms = Условия урегулирования
afield-reasoning = Обоснование
afield-decision = Решение
afield-grounds = Основания для апелляции
afield-plan = План мониторинга
afield-summary = Итоговое резюме
afield-questions = Вопросы
afield-information = Информация
afield-deadline_id = Срок
afield-days = Число дней
afield-grant = Удовлетворить?
afield-challenge = Отвод
afield-uphold = Удовлетворить отвод?
afield-expected_version = Версия
afield-action = Действие
problem-title = Не удалось выполнить действие
problem-conflict = Пока Вы находились на этой странице, дело было изменено другим пользователем. Ниже показано его текущее состояние; проверьте его и повторите действие.
problem-transition = Текущая стадия дела не позволяет выполнить это действие. Ниже показано его текущее состояние.

## Case page
case-title = Дело
case-facts = Жалоба
case-mediator = Посредник
case-deadlines = Сроки
case-no-deadlines = Сроки пока не установлены.
case-actions = Доступные Вам действия
case-read-only = Сотрудники по надзору знакомятся с делами, но не совершают по ним никаких действий.
case-pleadings = Процессуальные документы
case-no-pleadings = Пока ничего не подано.
case-holds = Приостановления
case-extensions = Просьбы о продлении сроков
case-assignments = Назначение посредника
case-timeline = Хронология

## Filing
file-title = Подача жалобы
file-intro = Опишите, что произошло и какие меры позволили бы исправить положение. Поля, отмеченные знаком *, обязательны для заполнения. Сразу после подачи жалобы делу присваиваются регистрационный номер и сроки.
file-submit = Подать жалобу
field-title = Название
field-category = Вид нарушения
field-body = Форум, в рамках которого это произошло
field-incident_date = Дата инцидента
field-facts = Что произошло
hint-facts = Не менее 20 символов: даты, сессии, кто и какие решения принимал.
field-remedy_sought = Какие меры позволили бы исправить положение
field-respondent = Ответчик
respondent-body = Орган (его председатель или секретариат)
respondent-delegation = Другая делегация
field-respondent_code = Орган или делегация
hint-respondent_code = Выберите орган или делегацию в соответствии с вариантом, выбранным выше.
field-co_complainants = Созаявители
hint-co_complainants = Делегации, подающие жалобу совместно с Вашей (если таковые имеются): их названия или трехбуквенные коды через запятую (например: Гаити, KIR).
field-confidentiality = Конфиденциальность
hint-confidentiality = При выборе варианта «Без раскрытия личности» ответчик и публичный реестр не видят, кто подал жалобу.
field-language = Язык дела
field-urgency = Срочность
hint-urgency = Срочные дела (если сессия еще продолжается) рассматриваются в сокращенные сроки.
caseload-shown = Показаны наиболее неотложные дела (первые { $n }).
field-unknown = Выберите одно из значений списка.
field-future = Эта дата еще не наступила.
field-duplicate = Это значение указано дважды.
field-taken = Это значение уже используется.
field-self = Здесь нельзя указывать Вашу собственную делегацию.
document-too-large = Размер файла { $name } превышает { $mb } МБ — максимально допустимый размер файла.
document-empty = Файл { $name } пуст.
document-type-refused = Файл { $name } не относится к типам файлов, принимаемым в материалы дела: направьте файл PDF, изображение, офисный документ, простой текст или сообщение электронной почты.
document-none = Выберите файл для добавления.
document-too-many = Максимальное число файлов, добавляемых за один раз: { $n }.
document-case-full = Объем материалов дела превысил бы { $mb } МБ — максимально допустимый объем для одного дела.
document-not-taken = К этому действию документы не прилагаются: добавьте их в качестве доказательств или вместе с процессуальным документом.

# The case file
case-documents = Документы
case-no-documents = Документов пока нет.
evidence-add = Добавить доказательства
evidence-intro = Документы, подтверждающие доводы по делу: повестка дня, протоколы, список ораторов, переписка. Их добавление никогда не влияет на сроки.
field-document_title = Название
field-document_language = Язык документов
field-files = Документы
field-file = Документы
afield-file = Документы (необязательно)
hint-files = Максимальное число файлов: { $n }, размер каждого — не более { $mb } МБ; допускаются PDF, изображения, офисные документы, простой текст и сообщения электронной почты (тип определяется по содержимому).
files-again = При возврате формы файлы не сохраняются: выберите их повторно.
flash-evidence-added = Документы добавлены в материалы дела.
action-documents_added = Добавлены доказательства
document-with = Документы
document-kind = Тип
document-size = Размер
document-added = Кем добавлено

# Correspondence
case-correspondence = Переписка
case-no-messages = Сообщений пока нет.
message-write = Написать сообщение
message-intro = Сообщение получат только выбранные Вами ниже адресаты — по электронной почте, каждый на своем языке. Сообщения не влияют на сроки: они не означают соблюдения срока, не начинают и не приостанавливают его течения. Чтобы официально ответить на запрос, используйте действия, указанные выше.
message-send = Отправить сообщение
field-audience = Кто может его прочитать
field-message_body = Сообщение
field-message_language = Язык сообщения
afield-note_audience = Кто может прочитать примечание
audience-all_parties = Все стороны и посредник
audience-complainant_side = Только посредник и сторона заявителя
audience-respondent_side = Только посредник и сторона ответчика
audience-staff = Только сотрудники (служба регистрации, посредник, сотрудники по надзору): внутреннее примечание
submission-message = Сообщение
action-message = Сообщение
action-note = Примечание
flash-message-sent = Сообщение сохранено, и письма его адресатам поставлены в очередь на отправку.

## What happens next, on the case page
next-title = Дальнейшие действия
next-ended = Рассмотрение этого дела завершено. Ни от кого больше не требуется никаких действий.
next-on-hold = Рассмотрение дела приостановлено: течение всех сроков прервано до возобновления рассмотрения.
next-nothing-due = В настоящее время текущих сроков нет.
next-yours = Очередь за Вами: { $clock }.
next-waiting-complainant = Ожидаются действия заявителя: { $clock }.
next-waiting-respondent = Ожидаются действия ответчика: { $clock }.
next-waiting-mediator = Ожидаются действия посредника: { $clock }.
next-waiting-registrar = Ожидаются действия службы регистрации: { $clock }.
next-due = Срок истекает { $at }
due-end-of-business = окончание рабочего дня Организации: { $at }, { $zone }
next-read-first = Сначала ознакомьтесь
next-answer-with = Ответьте, выбрав одно из следующих действий:
next-your-step = Ваш следующий шаг:
next-nothing-yours = Сейчас от Вас никаких действий не требуется. Когда они потребуются, Вы получите сообщение по электронной почте.
complaint-above = Жалоба в поданном виде: изложение фактов и испрашиваемые меры приведены выше.
pleading-above = См. выше, в разделе «Дальнейшие действия».
withdraw-warning = Отзыв жалобы окончательно прекращает ее рассмотрение. Вас попросят подтвердить это действие.
confirm-title = Подтверждение
confirm-withdraw-title = Отозвать эту жалобу?
confirm-withdraw-ends = Отзыв жалобы прекращает ее рассмотрение: течение всех еще не истекших сроков прекращается, посредник и ответчик уведомляются, и дело не может быть возобновлено. Если Вы, возможно, захотите вернуться к нему, оставьте дело открытым.
confirm-withdraw-yes = Да, отозвать жалобу
confirm-keep = Нет, оставить дело открытым

field-name_fr = Название на французском языке
field-name_es = Название на испанском языке
field-names = Названия на других языках
timeline-status-moved = Статус: { $from } → { $to }

states-list = Государства-члены и их коды
field-name_ar = Название на арабском языке
field-name_zh = Название на китайском языке
field-name_ru = Название на русском языке

# Translations on a clock
clock-translation = Перевод
submission-translation = Перевод
action-request_translation = Запросить перевод
action-provide_translation = Представить перевод
afield-source = Что перевести
afield-language = На язык
afield-text = Текст перевода
translation-pending = перевод запрошен
translation-provided = перевод
translation-lapsed = не представлен: дело завершено
translation-authentic = Аутентичный текст
translation-due = Регистратура представит его не позднее { $due }.
translation-waits = До этого сроки вашей стороны приостановлены.
translation-asked-by = Запрошен стороной: { $party }
case-translations = Переводы

# Dates, as a translator of this language writes them (month-N names the month as the
# date says it: Russian in the genitive).
month-1 = января
month-2 = февраля
month-3 = марта
month-4 = апреля
month-5 = мая
month-6 = июня
month-7 = июля
month-8 = августа
month-9 = сентября
month-10 = октября
month-11 = ноября
month-12 = декабря
date-long = { $day } { $month } { $year } г.
date-time = { $date }, { $time }
afield-written_in = Язык вашего текста
