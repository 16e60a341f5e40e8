## Registry desk
desk-title = تلقي التظلمات
desk-to-register = بانتظار التسجيل
desk-registered = مسجلة، بانتظار التقييم
desk-assessing = قيد التقييم
desk-empty = لا يوجد ما هو قيد الانتظار.
desk-loads = الوسطاء
desk-awaiting-mediator = { $n ->
    [0] لكل قضية تجاوزت مرحلة المقبولية وسيط معيَّن.
    [zero] لكل قضية تجاوزت مرحلة المقبولية وسيط معيَّن.
    [one] قضية واحدة تجاوزت مرحلة المقبولية ليس لها وسيط.
    [two] قضيتان تجاوزتا مرحلة المقبولية ليس لهما وسيط.
    [few] { $n } قضايا تجاوزت مرحلة المقبولية ليس لها وسيط.
    [many] { $n } قضية تجاوزت مرحلة المقبولية ليس لها وسيط.
   *[other] { $n } قضية تجاوزت مرحلة المقبولية ليس لها وسيط.
}
col-nationality = الجنسية
col-languages = اللغات
col-active-cases = القضايا المفتوحة
col-capacity = القدرة الاستيعابية
col-overdue = المتأخرة
col-availability = التوافر
mediator-inactive = غير نشط
mediator-on-leave = في إجازة
mediator-available = متاح
notices-title = الإشعارات المتعذر تسليمها
notices-intro = رسائل البريد الإلكتروني التي تعذر تسليمها بعد استنفاد جميع محاولات الإرسال. يُرجى التحقق من العنوان، ثم إعادة الإرسال.
notices-none = لم يتعذر تسليم أي إشعار.
notices-counts = بانتظار الإرسال: { $waiting } · أُرسلت: { $sent } · تعذر تسليمها بعد جميع المحاولات: { $failed }
notice-retry = إعادة الإرسال
flash-requeued = أُعيد الإشعار إلى قائمة انتظار الإرسال.
col-case = القضية
col-notice = الإشعار
col-recipient = المرسل إليه
col-attempts = المحاولات
col-last-error = آخر خطأ
col-failed = تاريخ الإخفاق
desk-all-of-queue = جميع القضايا في قائمة الانتظار هذه ({ $n })

received-title = البريد الوارد
received-intro = البريد الذي وصل إلى قلم السجل: ما ينتظر مراجعتكم، والردود المدرجة في قضاياها، وتقارير الإشعارات التي لم تصل، والرسائل الآلية المنحّاة. تُحفظ كل رسالة كما وصلت تماما.
received-tabs = ما آلت إليه
received-outcome-review = للمراجعة
received-outcome-placed = أُدرجت في قضية
received-outcome-bounce = إخفاقات التسليم
received-outcome-set_aside = منحّاة
received-download = تنزيل
received-none = لا شيء هنا.
col-arrived = الوصول
col-sender = المرسل
col-subject = الموضوع
col-reason = السبب
col-size-kb = الحجم (كيلوبايت)
received-back = العودة إلى البريد
received-recipients = أُرسل إلى
received-words = نص الرسالة
received-files = الملفات المرفقة
received-unreadable = تعذّرت قراءتها:
received-file-bytes = { $bytes } بايت
