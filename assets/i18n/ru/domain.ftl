## The domain's refusals, as pages and the API say them

# A rule of the case refused the action.
rule-appeal-window-open = Срок подачи апелляции истекает { $until }; после его истечения рассмотрение дела продолжится.
rule-appeal-window-closed = Срок подачи апелляции истек.
rule-already-appealed = Апелляция по этому делу уже подавалась.
rule-mediator-already-assigned = Посредник по этому делу уже назначен; укажите посредника, который должен его заменить.
rule-mediator-already-holds = Этот посредник уже ведет данное дело.
rule-no-eligible-mediator = Нет посредника, который может быть назначен по этому делу: { $why }
rule-no-mediator = Посредник по этому делу не назначен.
rule-challenge-window-closed = Срок для заявления отвода этому посреднику истек { $closed }.
rule-challenge-pending = Отвод этому посреднику уже заявлен и находится на рассмотрении.
rule-challenge-decided = Этот отвод больше не находится на рассмотрении; его статус: { $status }.
rule-already-on-hold = Рассмотрение дела уже приостановлено.
rule-not-on-hold = Рассмотрение дела не приостановлено.
rule-no-information-requested = По этому делу информация не запрашивалась.
rule-extension-pending = Просьба о продлении этого срока уже находится на рассмотрении.
rule-no-challenge-pending = Нет отвода посреднику, ожидающего решения.
rule-no-extension-pending = Нет просьбы о продлении срока, ожидающей решения.
rule-extension-decided = Решение по этой просьбе о продлении срока уже принято.

# The actor's part does not allow the action.
forbidden-not-a-party = Вы не являетесь стороной по этому делу.
forbidden-role-may-not = Ваша роль в этом деле не позволяет совершить это действие ({ $action }).
forbidden-only-complainant-appeals-dismissal = Обжаловать отклонение жалобы может только заявитель.
forbidden-own-deadlines-only = Вы можете просить о продлении только тех сроков, соблюдение которых возложено на Вас.
forbidden-only-delegates-file = Жалобы подают только делегаты.
forbidden-failures-for-staff = Сбоями доставки занимаются служба регистрации, сотрудники по надзору и посредники.
forbidden-resend-for-staff = Повторно отправить уведомление может только служба регистрации или посредник по данному делу.

# Why a mediator cannot take a case.
mediator-eligible-of = { $name }: может быть назначен, конфликт интересов отсутствует
exclusion-of = { $name }: { $reasons }
exclusion-challenged-or-recused = был отстранен от этого дела после заявления отвода или взял самоотвод
exclusion-on-leave = находится в отпуске
exclusion-at-capacity = достиг предельной нагрузки (открытых дел: { $open }; предельная нагрузка: { $capacity })
exclusion-same-nationality = имеет то же гражданство, что и одна из сторон ({ $party })
exclusion-declared-conflict = заявил о конфликте интересов ({ $with })
exclusion-earlier-involvement = вел предыдущее дело между теми же сторонами
exclusion-same-regional-group = входит в ту же региональную группу, что и одна из сторон ({ $group })
exclusion-other = исключен ({ $code })

# Field messages that need more than the field's code.
field-at-least-days = { $min ->
    [one] Укажите не менее { $min } дня.
    [few] Укажите не менее { $min } дней.
    [many] Укажите не менее { $min } дней.
   *[other] Укажите не менее { $min } дня.
}
field-length-between = Число символов должно составлять от { $min } до { $max }.
field-at-most-days = { $max ->
    [one] Укажите не более { $max } дня.
    [few] Укажите не более { $max } дней.
    [many] Укажите не более { $max } дней.
   *[other] Укажите не более { $max } дня.
}
field-after-un-founding = Укажите дату после основания Организации Объединенных Наций (24 октября 1945 года).
field-respondent-not-complainant = Ответчик не может одновременно быть заявителем.
field-override-needs-mediator = Отменить проверку на конфликт интересов можно только в отношении конкретного посредника; выберите посредника.
field-no-such-mediator = Этот пользователь не является действующим посредником.
field-mediator-removed = Этот посредник { $reasons }; он не может быть повторно назначен по этому делу.
field-mediator-conflict = Этот посредник { $reasons }; чтобы все же назначить его, укажите причину.
field-mediator-needs-language = Посредник должен владеть хотя бы одним рабочим языком.
field-mediator-needs-nationality = Для проверки на конфликт интересов необходимо указать гражданство посредника.
field-delegate-needs-delegation = Делегат представляет определенную делегацию.
field-body-only-respondents = К органу могут быть отнесены только должностные лица на стороне ответчика.
field-respondent-answers-for-one = Должностное лицо на стороне ответчика отвечает ровно за один орган или одну делегацию.
field-role-unaffiliated = Эта роль не связана ни с делегацией, ни с органом.
field-capacity-range = Укажите число открытых дел от 1 до { $max }.
field-sample-size = Укажите число дел от 1 до { $max }.
field-reset-link-expired = Этот код сброса недействителен или срок его действия истек; запросите новый код.
field-form-damaged = Форма повреждена; перезагрузите страницу.
field-from-after-to = Дата начала не может быть позже даты окончания.
field-period-too-long = Период не может превышать { $max } дн.
field-bad-date = Укажите дату в формате ГГГГ-ММ-ДД.
field-bad-zone = «{ $zone }» не является часовым поясом; используйте название, например Europe/Zurich или America/New_York.
rule-case-closed-to-evidence = Дело закрыто: добавлять к нему доказательства нельзя.
forbidden-read-only = Сотрудники по надзору знакомятся с делами, но не вносят в них записи.
message-audience-closed = Вы не можете писать этому кругу адресатов: сторона пишет либо всем сторонам, либо только посреднику.
rule-case-closed-to-messages = Дело закрыто: направлять по нему сообщения нельзя.

field-no-such-state = Государство-член с названием или кодом «{ $entry }» не найдено: введите его название так, как оно приведено в списке ниже, или его трехбуквенный код.

# Translations on a clock
field-translation-source-unknown = Выберите состязательную бумагу, сообщение или документ этого дела, доступные вам.
field-translation-same-language = Текст уже составлен на этом языке.
rule-translation-asked = Перевод этого текста на этот язык уже запрошен.
field-translation-request-unknown = Выберите запрос на перевод по этому делу.
rule-translation-provided = Этот перевод уже представлен, либо дело завершилось раньше.
field-translation-empty = Введите текст перевода, приложите переведенный документ или и то и другое.
rule-no-translation-asked = По этому делу нет ожидающих переводов.
field-written-in-not-taken = Это действие не создает текста, язык которого можно было бы указать.
