## Registry desk
desk-title = Прием жалоб
desk-to-register = Ожидают регистрации
desk-registered = Зарегистрированы, ожидают оценки
desk-assessing = На стадии оценки
desk-empty = Ожидающих дел нет.
desk-loads = Посредники
desk-awaiting-mediator = { $n ->
    [0] Всем делам, прошедшим этап определения приемлемости, назначены посредники.
    [one] { $n } дело, прошедшее этап определения приемлемости, не имеет посредника.
    [few] { $n } дела, прошедшие этап определения приемлемости, не имеют посредника.
    [many] { $n } дел, прошедших этап определения приемлемости, не имеют посредника.
   *[other] { $n } дела, прошедших этап определения приемлемости, не имеют посредника.
}
col-nationality = Гражданство
col-languages = Языки
col-active-cases = Открытые дела
col-capacity = Предельная нагрузка
col-overdue = Просрочено
col-availability = Доступность
mediator-inactive = неактивен
mediator-on-leave = в отпуске
mediator-available = доступен
notices-title = Недоставленные уведомления
notices-intro = Сообщения электронной почты, которые не удалось доставить после всех повторных попыток. Проверьте адрес и отправьте уведомление повторно.
notices-none = Недоставленных уведомлений нет.
notices-counts = Ожидают отправки: { $waiting } · Отправлено: { $sent } · Не доставлено после всех попыток: { $failed }
notice-retry = Отправить повторно
flash-requeued = Уведомление повторно поставлено в очередь на отправку.
col-case = Дело
col-notice = Уведомление
col-recipient = Получатель
col-attempts = Попытки
col-last-error = Последняя ошибка
col-failed = Время сбоя
desk-all-of-queue = Все дела в этой очереди ({ $n })

received-title = Полученная почта
received-intro = Почта, поступившая в секретариат: то, что ждёт вашего рассмотрения, ответы, добавленные в их дела, сообщения о недоставке наших уведомлений и отложенные автоматические письма. Каждое письмо хранится точно в том виде, в каком оно пришло.
received-tabs = Что с ним стало
received-outcome-review = На рассмотрение
received-outcome-placed = Добавлено в дело
received-outcome-bounce = Сбои доставки
received-outcome-set_aside = Отложено
received-download = Скачать
received-none = Здесь ничего нет.
col-arrived = Получено
col-sender = Отправитель
col-subject = Тема
col-reason = Причина
col-size-kb = Размер (КБ)
received-back = Назад к почте
received-recipients = Кому
received-words = Текст письма
received-files = Вложенные файлы
received-unreadable = Прочитать не удалось:
received-file-bytes = { $bytes } байт
