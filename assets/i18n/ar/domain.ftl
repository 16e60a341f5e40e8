## The domain's refusals, as pages and the API say them

# A rule of the case refused the action.
rule-appeal-window-open = باب الاستئناف مفتوح حتى { $until }؛ وتنتقل القضية إلى المرحلة التالية عند إغلاقه.
rule-appeal-window-closed = أُغلق باب الاستئناف.
rule-already-appealed = سبق استئناف هذه القضية مرة واحدة.
rule-mediator-already-assigned = عُيِّن وسيط لهذه القضية بالفعل؛ يُرجى تسمية الوسيط الذي ينبغي أن يحل محله.
rule-mediator-already-holds = هذا الوسيط مكلَّف بهذه القضية بالفعل.
rule-no-eligible-mediator = لا يوجد وسيط مؤهل لهذه القضية: { $why }
rule-no-mediator = لا يوجد وسيط مكلَّف بهذه القضية.
rule-challenge-window-closed = أُغلق باب الاعتراض على هذا الوسيط في { $closed }.
rule-challenge-pending = يوجد بالفعل اعتراض على هذا الوسيط قيد النظر.
rule-challenge-decided = لم يعد هذا الاعتراض قيد النظر: فحالته الآن: { $status }.
rule-already-on-hold = القضية معلَّقة بالفعل.
rule-not-on-hold = القضية غير معلَّقة.
rule-no-information-requested = لم تُطلب أي معلومات في هذه القضية.
rule-extension-pending = يوجد بالفعل طلب لتمديد هذه المهلة قيد النظر.
rule-no-challenge-pending = لا يوجد اعتراض على الوسيط بانتظار البت فيه.
rule-no-extension-pending = لا يوجد طلب تمديد بانتظار البت فيه.
rule-extension-decided = سبق البت في طلب التمديد هذا.

# The actor's part does not allow the action.
forbidden-not-a-party = لستم طرفا في هذه القضية.
forbidden-role-may-not = لا يسمح لكم دوركم في هذه القضية باتخاذ هذا الإجراء ({ $action }).
forbidden-only-complainant-appeals-dismissal = لا يحق استئناف قرار الرفض إلا للطرف المتظلم.
forbidden-own-deadlines-only = لا يجوز لكم طلب مزيد من الوقت إلا بشأن المهل الواقعة على عاتقكم.
forbidden-only-delegates-file = لا يقدِّم التظلمات إلا المندوبون.
forbidden-failures-for-staff = يتولى قلم السجل والرقابة والوسطاء معالجة حالات تعذر التسليم.
forbidden-resend-for-staff = لا يجوز إعادة إرسال إشعار إلا لقلم السجل أو لوسيط القضية.

# Why a mediator cannot take a case.
mediator-eligible-of = { $name }: مؤهل، ولا يوجد تضارب في المصالح
exclusion-of = { $name }: { $reasons }
exclusion-challenged-or-recused = أُبعد عن هذه القضية إثر اعتراض، أو تنحّى عنها
exclusion-on-leave = في إجازة
exclusion-at-capacity = يتولى من القضايا المفتوحة { $open } من أصل قدرة استيعابية تبلغ { $capacity }
exclusion-same-nationality = يحمل جنسية أحد الأطراف ({ $party })
exclusion-declared-conflict = أعلن وجود تضارب في المصالح مع { $with }
exclusion-earlier-involvement = تولى قضية سابقة بين الأطراف أنفسهم
exclusion-same-regional-group = ينتمي إلى المجموعة الإقليمية لأحد الأطراف ({ $group })
exclusion-other = مستبعَد ({ $code })

# Field messages that need more than the field's code.
field-at-least-days = { $min ->
    [zero] يُرجى إدخال { $min } يوم على الأقل.
    [one] يُرجى إدخال يوم واحد على الأقل.
    [two] يُرجى إدخال يومين على الأقل.
    [few] يُرجى إدخال { $min } أيام على الأقل.
    [many] يُرجى إدخال { $min } يوما على الأقل.
   *[other] يُرجى إدخال { $min } يوم على الأقل.
}
field-length-between = يُرجى إدخال عدد من الحروف يتراوح بين { $min } و{ $max }.
field-at-most-days = { $max ->
    [zero] يُرجى إدخال { $max } يوم كحد أقصى.
    [one] يُرجى إدخال يوم واحد كحد أقصى.
    [two] يُرجى إدخال يومين كحد أقصى.
    [few] يُرجى إدخال { $max } أيام كحد أقصى.
    [many] يُرجى إدخال { $max } يوما كحد أقصى.
   *[other] يُرجى إدخال { $max } يوم كحد أقصى.
}
field-after-un-founding = يُرجى إدخال تاريخ لاحق لتأسيس الأمم المتحدة (24 تشرين الأول/أكتوبر 1945).
field-respondent-not-complainant = لا يجوز أن يكون الطرف المدعى عليه طرفا متظلما في الوقت نفسه.
field-override-needs-mediator = لا يمكن تجاوز تضارب المصالح إلا بالنسبة إلى وسيط محدد بالاسم؛ يُرجى اختيار الوسيط.
field-no-such-mediator = هذا الشخص ليس وسيطا نشطا.
field-mediator-removed = هذا الوسيط { $reasons }؛ ولا يجوز تعيينه في هذه القضية مجددا.
field-mediator-conflict = هذا الوسيط { $reasons }؛ يُرجى بيان سبب تعيينه على الرغم من ذلك.
field-mediator-needs-language = يجب أن يعمل الوسيط بلغة واحدة على الأقل.
field-mediator-needs-nationality = يلزم بيان جنسية الوسيط لأغراض التحقق من تضارب المصالح.
field-delegate-needs-delegation = يجب أن يتحدث المندوب باسم وفد.
field-body-only-respondents = لا ينتمي إلى الهيئات إلا مسؤولو الجهات المدعى عليها.
field-respondent-answers-for-one = يرد مسؤول الجهة المدعى عليها باسم هيئة واحدة فقط أو وفد واحد فقط.
field-role-unaffiliated = هذا الدور غير منتسب إلى وفد أو هيئة.
field-capacity-range = يُرجى إدخال عدد من القضايا المفتوحة يتراوح بين 1 و{ $max }.
field-sample-size = يُرجى إدخال عدد من القضايا يتراوح بين 1 و{ $max }.
field-reset-link-expired = رمز إعادة التعيين هذا غير صالح أو انتهت صلاحيته؛ يُرجى طلب رمز جديد.
field-form-damaged = هذه الاستمارة تالفة؛ يُرجى إعادة تحميل الصفحة.
field-from-after-to = يجب ألا يكون تاريخ البداية لاحقا لتاريخ النهاية.
field-period-too-long = لا يجوز أن تتجاوز الفترة عددا من الأيام قدره { $max }.
field-bad-date = يُرجى إدخال التاريخ بالصيغة YYYY-MM-DD.
field-bad-zone = «{ $zone }» ليست منطقة زمنية؛ يُرجى استخدام اسم مثل Europe/Zurich أو America/New_York.
rule-case-closed-to-evidence = القضية مغلقة: لا يمكن إضافة أي أدلة إليها.
forbidden-read-only = تطّلع الرقابة على القضايا ولا تكتب فيها.
message-audience-closed = لا يجوز لكم الكتابة إلى هذه الفئة من القراء: يكتب كل جانب إلى جميع الأطراف أو إلى الوسيط وحده.
rule-case-closed-to-messages = القضية مغلقة: لا يمكن كتابة أي رسالة فيها.

field-no-such-state = لا توجد دولة عضو اسمها أو رمزها «{ $entry }»: يُرجى كتابة اسمها كما يرد في القائمة أدناه، أو رمزها المؤلف من ثلاثة أحرف.

# Translations on a clock
field-translation-source-unknown = اختر مذكرة أو رسالة أو وثيقة من هذه القضية يمكنك الاطلاع عليها.
field-translation-same-language = هذا النص محرر بهذه اللغة أصلًا.
rule-translation-asked = سبق أن طُلبت ترجمة هذا النص إلى تلك اللغة.
field-translation-request-unknown = اختر طلب ترجمة من طلبات هذه القضية.
rule-translation-provided = سبق تقديم هذه الترجمة، أو انتهت القضية قبل تقديمها.
field-translation-empty = أدخل النص المترجم أو أرفق الوثيقة المترجمة أو كليهما.
rule-no-translation-asked = لا توجد ترجمة منتظرة في هذه القضية.
field-written-in-not-taken = لا يُنشئ هذا الإجراء أي نص يمكن تحديد لغته.
