## Layout and navigation
skip-to-content = الانتقال إلى المحتوى
nav-label = القائمة الرئيسية
nav-register = السجل العام
nav-sign-in = تسجيل الدخول
nav-my-cases = قضاياي
nav-file = تقديم تظلم
nav-inbox = صندوق الوارد
nav-caseload = القضايا المسندة
nav-intake = تلقي التظلمات
nav-all-cases = جميع القضايا
nav-received-mail = البريد الوارد
nav-failed-notices = الإشعارات المتعذر تسليمها
nav-dashboard = لوحة المتابعة
nav-samples = عينات الاستعراض
nav-users = الأشخاص
nav-delegations = الوفود
nav-bodies = الهيئات
nav-mediators = الوسطاء
nav-holidays = العطلات الرسمية
nav-policies = الجداول الزمنية
language = اللغة
language-change = تغيير
locale-en = English
locale-fr = Français
locale-es = Español
locale-ar = العربية
locale-zh = 中文
locale-ru = Русский
sign-out = تسجيل الخروج
footer-purpose = قناة رسمية وشفافة لتقديم التظلمات الإجرائية، وفق جداول زمنية واضحة للإنصاف.
footer-zone = تُعرض الأوقات بتوقيت { $zone }.
back-home = العودة إلى صفحة البداية
choose = — يُرجى الاختيار —
problems-title = توجد مشكلة
error-prefix = خطأ:

## Roles
role-delegate = مندوب
role-respondent = ممثل الجهة المدعى عليها
role-mediator = وسيط
role-registrar = مسجِّل
role-oversight = الرقابة
role-admin = مدير النظام

## Flash messages
flash-signed-out = تم تسجيل خروجكم.
flash-reset-sent = إذا كان هذا العنوان معتمدا، فإن رمز إعادة التعيين في طريقه إليكم. يُرجى إدخاله أدناه.
flash-password-changed = تم تغيير كلمة المرور. يُرجى تسجيل الدخول باستخدامها.
flash-already-done = سبق إرسال هذه الاستمارة؛ وفيما يلي النتيجة التي أفضت إليها.

## Home
home-title = Redress
home-intro = تقدّم الوفود هنا تظلماتها المتعلقة بالإجحاف الإجرائي، وتتابعها حتى التوصل إلى نتيجة، في حدود جداول زمنية منشورة.

## Sign-in and password
sign-in-title = تسجيل الدخول
sign-in = تسجيل الدخول
sign-in-failed = عنوان البريد الإلكتروني أو كلمة المرور غير صحيحين، أو الحساب غير نشط.
sign-in-locked = سُجِّل عدد كبير جدا من محاولات الدخول الفاشلة لهذا العنوان. ولمنع تخمين كلمة المرور، عُلِّق تسجيل الدخول حتى { $until }؛ ويمكن في الأثناء إعادة تعيين كلمة المرور المنسية.
forgot-link = هل نسيتم كلمة المرور؟
forgot-title = إعادة تعيين كلمة المرور
forgot-intro = يُرجى إدخال عنوان البريد الإلكتروني المرتبط بحسابكم. وإذا كان معتمدا، فسنرسل إليكم رمزا لإعادة التعيين بالبريد الإلكتروني.
forgot-send = إرسال الرمز
reset-title = اختيار كلمة مرور جديدة
reset-intro = يُرجى إدخال الرمز الوارد في رسالة البريد الإلكتروني وكلمة مرور جديدة لا تقل عن 12 حرفا.
reset-save = حفظ كلمة المرور
reset-mismatch = كلمتا المرور غير متطابقتين.

## Fields
field-email = عنوان البريد الإلكتروني
field-password = كلمة المرور
field-password_confirmation = تأكيد كلمة المرور
field-token = رمز إعادة التعيين
field-lang = اللغة
hint-token = الرمز الوارد في رسالة البريد الإلكتروني؛ ولا يصلح إلا لمرة واحدة.
hint-password = 12 حرفا على الأقل.
field-required = يُرجى إدخال قيمة.
field-invalid-choice = يُرجى اختيار أحد الخيارات.
field-invalid = هذه القيمة غير صالحة.
field-bad-email = يُرجى إدخال عنوان بريد إلكتروني.
field-too-short = يُرجى إدخال عدد من الحروف لا يقل عن { $min }.
field-too-long = يُرجى إدخال عدد من الحروف لا يزيد على { $max }.

## Errors
error-not-found = الصفحة غير موجودة
error-not-found-help = لا توجد صفحة كهذه، أو أنها غير متاحة لكم.
error-unauthorized = يُرجى تسجيل الدخول للمتابعة
error-unauthorized-help = يلزم تسجيل الدخول للاطلاع على هذه الصفحة.
error-forbidden = غير مسموح به
error-forbidden-help = لا يسمح دوركم في هذه القضية بذلك.
error-forged = تعذر قبول الاستمارة
error-forged-help = انتهت صلاحية الاستمارة أو لم تصدر عن هذا الموقع. يُرجى الرجوع، وإعادة تحميل الصفحة، ثم إرسالها مجددا.
error-invalid = بعض القيم غير صالحة
error-invalid-help = يُرجى الرجوع وتصحيحها.
error-conflict = تعذر القيام بذلك
error-conflict-help = لا تسمح حالة القضية بذلك في الوقت الراهن، أو أن شخصا آخر غيّرها في اللحظة نفسها. يُرجى إعادة تحميل القضية والمحاولة مجددا.
error-internal = حدث خطأ ما
error-internal-help = المشكلة من جانبنا وقد سُجِّلت. يُرجى المحاولة مجددا بعد قليل.
error-unavailable = الخدمة غير متاحة مؤقتا
error-unavailable-help = يتعذر على الخدمة الوصول إلى قاعدة بياناتها مؤقتا. ولم يُغيَّر أي شيء؛ يُرجى المحاولة مجددا بعد بضع ثوان.
error-throttled = توقف مؤقت
error-throttled-help = رُفض عدد كبير جدا من المحاولات. يُرجى الانتظار حتى الوقت المبيّن أدناه، ثم المحاولة مجددا.

## Common words
any = الكل
yes = نعم
no = لا
filter = تصفية
pager = الصفحات
page-prev = الصفحة السابقة
page-next = الصفحة التالية
page-of = الصفحة { $page } من { $pages }
withheld = غير مُفصَح عنه
on-hold = معلَّقة
flash-filed = قُدِّم تظلمكم. ويرد أدناه رقمه المرجعي ومهله الأولى.
flash-action-done = تم. حُدِّثت القضية، وأُدرجت رسائل البريد الإلكتروني الموجهة إلى المعنيين في قائمة انتظار الإرسال.

## Case lists
my-cases-title = قضاياي
inbox-title = صندوق الوارد
all-cases-title = جميع القضايا
caseload-title = القضايا المسندة إليّ
awaiting-title = بانتظار ردكم
awaiting-none = لا يوجد ما ينتظر ردكم.
all-yours-title = جميع القضايا المرفوعة ضدكم
caseload-open = قضايا مفتوحة
caseload-overdue = تجاوزت إحدى مهلها
caseload-week = يحل موعدها بحلول نهاية هذا الأسبوع
caseload-order = مرتبة حسب المهلة التالية، بدءا بالأكثر إلحاحا.
cases-count = { $n ->
    [zero] لا توجد أي قضية
    [one] قضية واحدة
    [two] قضيتان
    [few] { $n } قضايا
    [many] { $n } قضية
   *[other] { $n } قضية
}
cases-none = لا توجد قضايا.
filter-overdue = تجاوزت المهلة
col-reference = الرقم المرجعي
col-title = العنوان
col-status = الحالة
col-complainant = الطرف المتظلم
col-next-deadline = المهلة التالية
col-filed = تاريخ التقديم
col-clock = المهلة
col-party = الطرف المطلوب منه التصرف
col-due = موعد الاستحقاق
col-standing = الوضع الراهن

## Clocks
clock-days-left = { $n ->
    [0] يحل الموعد اليوم
    [zero] يحل الموعد اليوم
    [one] { $unit ->
        [calendar] يتبقى يوم تقويمي واحد
       *[working] يتبقى يوم عمل واحد
    }
    [two] { $unit ->
        [calendar] يتبقى يومان تقويميان
       *[working] يتبقى يوما عمل
    }
    [few] { $unit ->
        [calendar] تتبقى { $n } أيام تقويمية
       *[working] تتبقى { $n } أيام عمل
    }
    [many] { $unit ->
        [calendar] يتبقى { $n } يوما تقويميا
       *[working] يتبقى { $n } يوم عمل
    }
   *[other] { $unit ->
        [calendar] يتبقى { $n } يوم تقويمي
       *[working] يتبقى { $n } يوم عمل
    }
}
clock-overdue-by = { $n ->
    [0] انقضى الموعد اليوم
    [zero] انقضى الموعد اليوم
    [one] { $unit ->
        [calendar] تأخير قدره يوم تقويمي واحد
       *[working] تأخير قدره يوم عمل واحد
    }
    [two] { $unit ->
        [calendar] تأخير قدره يومان تقويميان
       *[working] تأخير قدره يوما عمل
    }
    [few] { $unit ->
        [calendar] تأخير قدره { $n } أيام تقويمية
       *[working] تأخير قدره { $n } أيام عمل
    }
    [many] { $unit ->
        [calendar] تأخير قدره { $n } يوما تقويميا
       *[working] تأخير قدره { $n } يوم عمل
    }
   *[other] { $unit ->
        [calendar] تأخير قدره { $n } يوم تقويمي
       *[working] تأخير قدره { $n } يوم عمل
    }
}
clock-overdue = متأخرة
clock-running = جارية
clock-paused = موقوفة (القضية معلَّقة)
clock-lapsed = انقضت: أُغلق الباب دون استخدامه
clock-met = مستوفاة
clock-met-late = مستوفاة متأخرة
clock-cancelled = لم تعد لازمة
clock-acknowledge = الإقرار بالاستلام
clock-eligibility = البت في المقبولية
clock-mediator_assignment = تعيين وسيط
clock-resolution = تسوية القضية
clock-formal_response = الرد الرسمي
clock-complainant_reply = رد الطرف المتظلم
clock-information = المعلومات المطلوبة
clock-independent_review = الاستعراض المستقل
clock-appeal_window = فترة الاستئناف
clock-monitoring = الرصد

## Parties
party-complainant = الطرف المتظلم
party-respondent = الطرف المدعى عليه
party-mediator = الوسيط
party-registrar = قلم السجل

## Statuses
status-submitted = مقدَّمة
status-registered = مسجَّلة
status-under_assessment = قيد التقييم
status-dismissed = مرفوضة
status-in_mediation = قيد الوساطة
status-awaiting_response = بانتظار الرد
status-response_received = ورد الرد
status-settled = سُوِّيت
status-monitoring = قيد الرصد
status-under_review = قيد الاستعراض المستقل
status-decided = بُتّ فيها
status-withdrawn = مسحوبة
status-closed = مغلقة

## Categories
category-speaking_time = الوقت المخصص للكلام
category-agenda_setting = وضع جدول الأعمال
category-document_access = الاطلاع على الوثائق
category-interpretation = الترجمة الشفوية والتحريرية
category-scheduling = الجدولة والمناطق الزمنية
category-voting_procedure = إجراءات التصويت
category-chair_conduct = تصرفات الرئاسة
category-exclusion_from_consultations = الاستبعاد من المشاورات
category-retaliation = الانتقام
category-other = غير ذلك

## Vocabulary
confidentiality-public = علنية
confidentiality-identity_protected = مع حماية الهوية
urgency-normal = عادية
urgency-urgent = عاجلة
language-en = الإنكليزية
language-fr = الفرنسية
language-es = الإسبانية
language-ar = العربية
language-zh = الصينية
language-ru = الروسية
outcome-response_accepted = قبول الرد
outcome-settled = التسوية
outcome-upheld = تأييد التظلم
outcome-partly_upheld = تأييد التظلم جزئيا
outcome-not_upheld = عدم تأييد التظلم
outcome-dismissed = الرفض
outcome-withdrawn = السحب
decision-upheld = تأييد التظلم
decision-partly_upheld = تأييد التظلم جزئيا
decision-not_upheld = عدم تأييد التظلم
dismissal-outside_mandate = خارج نطاق ولاية الآلية
dismissal-not_procedural = لا يتعلق بمسألة إجرائية
dismissal-time_barred = قُدِّم بعد فوات الأوان
dismissal-duplicate_of_pending_case = تكرار لقضية قيد النظر
dismissal-anonymous_or_unidentified = مجهول المصدر أو غير محدد الهوية
dismissal-manifestly_unfounded = يفتقر بشكل واضح إلى أي أساس
dismissal-resolved_before_registration = سُوّي قبل التسجيل
dismissal-other = سبب آخر
extension-pending = قيد النظر
extension-granted = مقبول
extension-refused = مرفوض
submission-complaint = الشكوى
submission-information_request = طلب معلومات
submission-information = معلومات
submission-response_request = طلب رد رسمي
submission-formal_response = الرد الرسمي
submission-acceptance = القبول
submission-counter_proposal = اقتراح مضاد
submission-settlement_proposal = التسوية
submission-escalation_note = الإحالة
submission-decision = القرار
submission-appeal = الاستئناف
submission-monitoring_plan = خطة الرصد
submission-closing_note = مذكرة الإغلاق
submission-withdrawal = السحب
submission-note = مذكرة
method-automatic = تلقائي
method-manual = باختيار قلم السجل
method-override = اختير على الرغم من وجود تضارب في المصالح
assign-automatic = الاختيار التلقائي (بالتناوب، ودون تضارب في المصالح)
assign-nobody = لا يوجد وسيط مؤهل
assign-excluded = المستبعَدون
assign-eligible = المؤهلون: { $n }
challenge-by = اعتراض مقدَّم من: { $party }
challenge-pending = قيد النظر
challenge-upheld = مقبول
challenge-rejected = مرفوض
challenge-moot = انتفى موضوعه

## Actions (buttons and timeline)
action-file = تقديم التظلم
action-register = التسجيل
action-declare_eligible = إعلان المقبولية
action-dismiss = الرفض
action-assign_mediator = تعيين وسيط
action-request_response = طلب رد رسمي
action-submit_response = تقديم الرد الرسمي
action-accept_response = قبول الرد
action-contest_response = الطعن في الرد
action-record_settlement = تسجيل تسوية
action-escalate = الإحالة إلى الاستعراض المستقل
action-record_decision = تسجيل القرار
action-appeal = الاستئناف
action-start_monitoring = بدء الرصد
action-close = إغلاق القضية
action-withdraw = سحب التظلم
action-place_hold = تعليق القضية
action-lift_hold = رفع التعليق
action-request_information = طلب معلومات
action-provide_information = تقديم معلومات
action-request_extension = طلب تمديد
action-decide_extension = البت في طلب تمديد
action-challenge_mediator = الاعتراض على الوسيط
action-decide_challenge = البت في اعتراض
action-recuse_mediator = التنحي
action-assignment_blocked = تعذر تعيين وسيط
action-viewed = اطلعت عليها الرقابة
action-breach = فوات المهلة
action-escalation = الإحالة إلى الرقابة
action-notice_failed = تعذر تسليم الإشعار
action-notice_requeued = أُعيد إرسال الإشعار
afield-note = مذكرة
afield-reason = السبب
afield-mediator = الوسيط
afield-override_reason = سبب اختيار وسيط لديه تضارب في المصالح (فقط عند تجاوز تضارب المصالح)
afield-request = الطلب
afield-response = الرد الرسمي
afield-counter_proposal = الاقتراح المضاد
afield-terms = شروط التسوية
afield-reasoning = الحيثيات
afield-decision = القرار
afield-grounds = أسباب الاستئناف
afield-plan = خطة الرصد
afield-summary = الموجز الختامي
afield-questions = الأسئلة
afield-information = المعلومات
afield-deadline_id = المهلة
afield-days = الأيام
afield-grant = الموافقة عليه؟
afield-challenge = الاعتراض
afield-uphold = قبوله؟
afield-expected_version = النسخة
afield-action = الإجراء
problem-title = تعذر القيام بذلك
problem-conflict = غيّر شخص آخر هذه القضية بينما كانت هذه الصفحة مفتوحة لديكم. وترد حالتها الراهنة أدناه؛ يُرجى التحقق منها ثم اتخاذ الإجراء مجددا.
problem-transition = لا تسمح المرحلة الحالية للقضية بذلك. وترد حالتها الراهنة أدناه.

## Case page
case-title = القضية
case-facts = التظلم
case-mediator = الوسيط
case-deadlines = المهل
case-no-deadlines = لا توجد مهل بعد.
case-actions = الإجراءات المتاحة لكم
case-read-only = تطّلع الرقابة على القضايا ولا تتخذ أي إجراء بشأنها.
case-pleadings = المذكرات
case-no-pleadings = لم يُقدَّم أي شيء بعد.
case-holds = حالات التعليق
case-extensions = طلبات التمديد
case-assignments = تعيين الوسيط
case-timeline = التسلسل الزمني

## Filing
file-title = تقديم تظلم
file-intro = يُرجى وصف ما حدث وما من شأنه أن يصحح الوضع. والحقول المشار إليها بعلامة * إلزامية. وتحصل قضيتكم على رقم مرجعي ومهل فور تقديمها.
file-submit = تقديم التظلم
field-title = العنوان
field-category = نوع الإجحاف
field-body = المحفل الذي وقع فيه
field-incident_date = تاريخ الواقعة
field-facts = ما حدث
hint-facts = 20 حرفا على الأقل: التواريخ، والدورات، ومن قرر ماذا.
field-remedy_sought = ما من شأنه أن يصحح الوضع
field-respondent = الجهة المدعى عليها
respondent-body = هيئة (رئاستها أو أمانتها)
respondent-delegation = وفد آخر
field-respondent_code = الهيئة أو الوفد
hint-respondent_code = يُرجى اختيار هيئة أو وفد، بما يتفق مع اختياركم أعلاه.
field-co_complainants = الأطراف المتظلمة الأخرى
hint-co_complainants = الوفود التي تقدم التظلم مع وفدكم، إن وُجدت: أسماؤها أو رموزها المؤلفة من ثلاثة أحرف، مفصولة بفواصل (على سبيل المثال: هايتي، KIR).
field-confidentiality = السرية
hint-confidentiality = عند اختيار حماية الهوية، لا يطّلع الطرف المدعى عليه ولا السجل العام على هوية مقدم التظلم.
field-language = لغة القضية
field-urgency = درجة الاستعجال
hint-urgency = تخضع القضايا العاجلة (أي حين تكون الدورة لا تزال منعقدة) لمهل أقصر.
caseload-shown = تُعرض القضايا الأكثر إلحاحا، وعددها { $n }.
field-unknown = يُرجى اختيار إحدى القيم المدرجة.
field-future = هذا التاريخ في المستقبل.
field-duplicate = هذا البند مدرج مرتين.
field-taken = هذه القيمة مستخدمة بالفعل.
field-self = لا يجوز ذكر وفدكم هنا.
document-too-large = حجم الملف { $name } يتجاوز { $mb } ميغابايت، وهو الحد الأقصى لحجم الملف الواحد.
document-empty = الملف { $name } فارغ.
document-type-refused = الملف { $name } ليس من أنواع الملفات التي يحفظها ملف القضية: يُرجى إرسال ملف PDF، أو صورة، أو مستند مكتبي، أو نص عادي، أو رسالة بريد إلكتروني.
document-none = يُرجى اختيار ملف لإضافته.
document-too-many = يُرجى ألا يتجاوز عدد الملفات المضافة دفعة واحدة { $n }.
document-case-full = سيتجاوز حجم ملف القضية { $mb } ميغابايت، وهو الحد الأقصى المسموح به للقضية الواحدة.
document-not-taken = لا يقبل هذا الإجراء أي وثائق: يُرجى إضافتها بوصفها أدلة، أو مع إحدى المذكرات.

# The case file
case-documents = الوثائق
case-no-documents = لا توجد وثائق بعد.
evidence-add = إضافة أدلة
evidence-intro = الوثائق المؤيدة للقضية: جدول أعمال، أو محضر، أو قائمة متكلمين، أو مراسلات. ولا تؤدي إضافتها أبدا إلى تغيير أي مهلة.
field-document_title = العنوان
field-document_language = لغة الوثائق
field-files = الوثائق
field-file = الوثائق
afield-file = الوثائق (اختياري)
hint-files = عدد أقصاه { $n } من الملفات، لا يتجاوز حجم كل منها { $mb } ميغابايت: ملفات PDF، أو صور، أو مستندات مكتبية، أو نصوص عادية، أو رسائل بريد إلكتروني، ويُحكم على نوعها وفقا لمحتواها.
files-again = لا تُحفظ الملفات عند إعادة الاستمارة: يُرجى اختيارها مجددا.
flash-evidence-added = أُضيفت الوثائق إلى ملف القضية.
action-documents_added = إضافة أدلة
document-with = الوثائق
document-kind = النوع
document-size = الحجم
document-added = أُضيفت من قِبل

# Correspondence
case-correspondence = المراسلات
case-no-messages = لا توجد رسائل بعد.
message-write = كتابة رسالة
message-intro = لا تصل الرسالة إلا إلى القراء الذين تختارونهم أدناه، بالبريد الإلكتروني وبلغة كل منهم. ولا تفي الرسالة بأي مهلة، ولا تبدأ سريانها، ولا توقفه: وللرد على طلب ما ردا رسميا، يُرجى استخدام الإجراءات الواردة أعلاه.
message-send = إرسال الرسالة
field-audience = من يجوز له قراءتها
field-message_body = الرسالة
field-message_language = لغة الرسالة
afield-note_audience = من يجوز له قراءة المذكرة
audience-all_parties = جميع الأطراف والوسيط
audience-complainant_side = الوسيط وجانب الطرف المتظلم فقط
audience-respondent_side = الوسيط وجانب الطرف المدعى عليه فقط
audience-staff = الموظفون فقط (قلم السجل، والوسيط، والرقابة): مذكرة داخلية
submission-message = رسالة
action-message = رسالة
action-note = مذكرة
flash-message-sent = حُفظت الرسالة، وأُدرجت رسائل البريد الإلكتروني الموجهة إلى قرائها في قائمة انتظار الإرسال.

## What happens next, on the case page
next-title = الخطوة التالية
next-ended = انتهت هذه القضية. ولم يعد أي شيء مطلوبا من أي طرف.
next-on-hold = القضية معلَّقة: جميع المهل موقوفة إلى حين رفع التعليق.
next-nothing-due = لا توجد أي مهلة جارية حاليا.
next-yours = حان دوركم: { $clock }.
next-waiting-complainant = بانتظار الطرف المتظلم: { $clock }.
next-waiting-respondent = بانتظار الطرف المدعى عليه: { $clock }.
next-waiting-mediator = بانتظار الوسيط: { $clock }.
next-waiting-registrar = بانتظار قلم السجل: { $clock }.
next-due = موعد الاستحقاق: { $at }
due-end-of-business = نهاية يوم العمل في المنظمة: { $at }، { $zone }
next-read-first = للاطلاع أولا
next-answer-with = يُرجى الرد بأحد الإجراءات التالية:
next-your-step = خطوتكم التالية:
next-nothing-yours = لا يوجد ما يتعين عليكم القيام به حاليا. وستتلقون رسالة بالبريد الإلكتروني عندما يلزم ذلك.
complaint-above = الشكوى كما قُدِّمت: ترد أعلاه الوقائع وسبل الإنصاف المطلوبة.
pleading-above = ترد أعلاه، تحت عنوان «الخطوة التالية».
withdraw-warning = يؤدي السحب إلى إنهاء التظلم نهائيا. وسيُطلب منكم تأكيد ذلك.
confirm-title = تأكيد
confirm-withdraw-title = هل تريدون سحب هذا التظلم؟
confirm-withdraw-ends = يؤدي السحب إلى إنهاء التظلم: إذ يتوقف سريان جميع المهل التي لا تزال جارية، ويُبلَّغ الوسيط والطرف المدعى عليه، ولا يمكن إعادة فتح القضية. وإذا كنتم قد ترغبون في العودة إليها، فيُرجى إبقاؤها مفتوحة.
confirm-withdraw-yes = نعم، سحب التظلم
confirm-keep = لا، إبقاء القضية مفتوحة

field-name_fr = الاسم بالفرنسية
field-name_es = الاسم بالإسبانية
field-names = الأسماء بلغات أخرى
timeline-status-moved = الحالة: { $from } ← { $to }

states-list = الدول الأعضاء ورموزها
field-name_ar = الاسم بالعربية
field-name_zh = الاسم بالصينية
field-name_ru = الاسم بالروسية

# Translations on a clock
clock-translation = الترجمة
submission-translation = ترجمة
action-request_translation = طلب ترجمة
action-provide_translation = تقديم ترجمة
afield-source = ما يُراد ترجمته
afield-language = إلى اللغة
afield-text = النص المترجم
translation-pending = طُلبت الترجمة
translation-provided = ترجمة
translation-lapsed = لم تُقدَّم: انتهت القضية
translation-authentic = النص ذو الحجية
translation-due = يقدّمها قلم السجل في موعد أقصاه { $due }.
translation-waits = تُعلَّق المواعيد النهائية لطرفكم حتى ذلك الحين.
translation-asked-by = طلبها: { $party }
case-translations = الترجمات

# Dates, as a translator of this language writes them (month-N names the month as the
# date says it: Russian in the genitive).
month-1 = كانون الثاني/يناير
month-2 = شباط/فبراير
month-3 = آذار/مارس
month-4 = نيسان/أبريل
month-5 = أيار/مايو
month-6 = حزيران/يونيه
month-7 = تموز/يوليه
month-8 = آب/أغسطس
month-9 = أيلول/سبتمبر
month-10 = تشرين الأول/أكتوبر
month-11 = تشرين الثاني/نوفمبر
month-12 = كانون الأول/ديسمبر
date-long = { $day } { $month } { $year }
date-time = { $date }، { $time }
afield-written_in = لغة نصك
