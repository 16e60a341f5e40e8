## The frame of every email
mail-greeting = حضرة { $name } المحترم/المحترمة،
mail-label-colon = { $label }:
mail-label-case = القضية
mail-label-status = الحالة
mail-label-complainant = الطرف المتظلم
mail-label-deadline = المهلة
mail-label-party = الطرف المطلوب منه التصرف
mail-label-due = موعد الاستحقاق
mail-open-case = فتح القضية
mail-signature = Redress، دائرة التظلمات والإنصاف.
mail-zone-note = تُعرض الأوقات بحسب منطقتكم الزمنية ({ $zone }) وبالتوقيت العالمي المنسق (UTC).
mail-calendar-note = يُحدَّث قيد التقويم المرفق تلقائيا إذا تغير موعد المهلة.

## One subject and one message per kind of notice

mail-accept_response-subject = قبول الرد الرسمي
mail-accept_response-body = قبِل الطرف المتظلم الرد الرسمي.
mail-appeal-subject = تقديم استئناف
mail-appeal-body = قُدِّم استئناف.
mail-assign_mediator-subject = تعيين وسيط
mail-assign_mediator-body = عُيِّن وسيط للقضية، وسيتواصل مع الأطراف.
mail-assignment_blocked-subject = تعذر تعيين وسيط تلقائيا
mail-assignment_blocked-body = تعذر تعيين وسيط للقضية تلقائيا: فكل وسيط إما لديه تضارب في المصالح في هذه القضية وإما غير متاح (في إجازة أو بلغ قدرته الاستيعابية القصوى). ويتعين على قلم السجل تعيين وسيط. ويخضع التعيين اليدوي للتحقق نفسه من تضارب المصالح؛ ويستلزم تجاوزه بيان سبب كتابي. ويبيّن سجل التعيين في القضية الوسطاء الذين استُبعدوا وأسباب استبعادهم.
mail-assignment_override-subject = تعيين وسيط على الرغم من وجود تضارب في المصالح أو عدم توافر مسجَّلين
mail-assignment_override-body = عيّن قلم السجل وسيطا للقضية على الرغم من وجود تضارب في المصالح أو عدم توافر مسجَّلين، متجاوزا بذلك قاعدة التعيين مع بيان سبب كتابي. وقد ترغب الرقابة في استعراض سجل التعيين في القضية، الذي يتضمن السبب المقدَّم.
mail-breach-subject = فوات المهلة: { $meaning }
mail-breach-body = انقضت مهلة { $meaning } في { $due } دون الوفاء بها. وكان على { $party } التصرف. وقد أُبلغ الوسيط وقلم السجل بذلك؛ وإذا ظلت المهلة دون وفاء، فستُحال المسألة إلى الرقابة.
mail-case_filed-subject = تقديم تظلم
mail-case_filed-body = قُدِّم تظلم وسُجِّل تحت الرقم المرجعي { $reference }. وسيُقر قلم السجل باستلامه ويقيّم مقبوليته في غضون المهل المحددة في القواعد.
mail-challenge_mediator-subject = الاعتراض على الوسيط
mail-challenge_mediator-body = اعترض أحد الأطراف على الوسيط المعيَّن للقضية لأسباب تتعلق بالحياد أو بتضارب المصالح. وسيبت قلم السجل في قبول الاعتراض من عدمه. وفي غضون ذلك، يستمر سريان المهل الجارية ما لم تُعلَّق القضية.
mail-close-subject = إغلاق القضية
mail-close-body = أُغلقت القضية.
mail-contest_response-subject = الطعن في الرد الرسمي
mail-contest_response-body = طعن الطرف المتظلم في الرد الرسمي؛ وتستمر الوساطة.
mail-decide_challenge-subject = { $stage ->
    [upheld] قبول الاعتراض على الوسيط
    [rejected] رفض الاعتراض على الوسيط
   *[other] قرار بشأن الاعتراض على الوسيط
}
mail-decide_challenge-body = { $stage ->
    [upheld] قبِل قلم السجل الاعتراض على الوسيط. وقد أُبعد الوسيط عن القضية، ويجري تعيين وسيط جديد؛ وإذا تعذر تعيين وسيط تلقائيا، فسيتولى قلم السجل تعيينه.
    [rejected] رفض قلم السجل الاعتراض على الوسيط. ويظل الوسيط معيَّنا للقضية، وتستمر الوساطة.
   *[other] اتخذ قلم السجل قرارا بشأن الاعتراض على الوسيط؛ وترد التفاصيل مسجلة في القضية.
}
mail-decide_extension-subject = البت في طلب التمديد
mail-decide_extension-body = اتُّخذ قرار بشأن طلب تمديد مهلة.
mail-declare_eligible-subject = إعلان مقبولية التظلم
mail-declare_eligible-body = أُعلنت مقبولية التظلم، وأُبلغ به الطرف المدعى عليه. وسيُعيَّن وسيط.
mail-dismiss-subject = رفض التظلم
mail-dismiss-body = رفض قلم السجل التظلم في مرحلة المقبولية. ويجوز للطرف المتظلم استئناف هذا القرار.
mail-escalate-subject = إحالة القضية إلى الاستعراض المستقل
mail-escalate-body = أُحيلت القضية إلى الاستعراض المستقل.
mail-escalation-subject = تصعيد: تجاوز مهلة { $meaning }
mail-escalation-body = انقضت مهلة { $meaning } في { $due } ولم يفِ بها { $party } حتى الآن. ويُحيل هذا الإشعار المسألة إلى الرقابة وإلى الوسيط لاتخاذ الإجراء اللازم.
mail-receipt-subject = إيصال بما قدمتموه
mail-receipt-body = هذا إيصالكم بما قدمتموه في القضية { $reference }. يُرجى الاحتفاظ به: إذ يمكن لأي شخص، بالاستعانة بالقيم الواردة أدناه ودون الحاجة إلى الاعتماد على سجلات الأمانة، أن يتحقق من أن ملف القضية لا يزال يتضمن النص الذي قدمتموه كما هو تماما، ومن أنه سُجِّل في { $day } (بالتوقيت العالمي المنسق، UTC).
mail-receipt-text = بصمة SHA-256 للنص الذي قدمتموه:
mail-receipt-event = الحدث الذي سُجِّل به ما قدمتموه في سلسلة التدقيق الخاصة بالقضية:
mail-receipt-day = اليوم (UTC) الذي تتضمن بصمته الرقمية المنشورة هذا الحدث:
mail-receipt-proof = اعتبارا من اليوم التالي، يعرض السجل العام الدليل على أن هذا الحدث مشمول في البصمة الرقمية لذلك اليوم:
mail-receipt-by-mail = أُدرج ردكم بالبريد الإلكتروني في القضية بوصفه رسالة. الرسالة لا تفي بأي أجل ولا تطلب شيئا بذاتها: لاتخاذ خطوة رسمية (رد أو قبول أو استئناف)، استخدموا صفحة القضية.
mail-lift_hold-subject = رفع التعليق: استئناف سريان المهل
mail-lift_hold-body = رُفع التعليق، واستُؤنف سريان مهل القضية.
mail-password_reset-subject = إعادة تعيين كلمة المرور لحسابكم في Redress
mail-password_reset-body = طلب شخص ما (نأمل أن تكونوا أنتم) إعادة تعيين كلمة المرور لحسابكم في Redress. يُرجى استخدام هذا الرمز لاختيار كلمة مرور جديدة:
mail-password_reset-open = أو يُرجى فتح هذه الصفحة، حيث أُدرج الرمز مسبقا:
mail-password_reset-link = فتح صفحة إعادة التعيين
mail-password_reset-expiry = لا يصلح هذا الرمز إلا لمرة واحدة، وتنتهي صلاحيته في غضون { $minutes } دقيقة. وإذا لم تطلبوه، فيُرجى تجاهل هذه الرسالة: إذ تظل كلمة المرور الخاصة بكم دون تغيير.
mail-place_hold-subject = تعليق القضية: وقف سريان المهل
mail-place_hold-body = عُلِّقت القضية. ويتوقف سريان مهلها إلى حين رفع التعليق.
mail-provide_information-subject = تقديم المعلومات
mail-provide_information-body = قدّم الطرف المتظلم المعلومات المطلوبة.
mail-record_decision-subject = تسجيل قرار
mail-record_decision-body = سُجِّل قرار في القضية. ويجوز استئنافه خلال فترة الاستئناف.
mail-record_settlement-subject = تسجيل تسوية
mail-record_settlement-body = سجّل الوسيط تسوية بين الأطراف.
mail-recuse_mediator-subject = تنحي الوسيط
mail-recuse_mediator-body = تنحّى الوسيط وانسحب من القضية. ويجري تعيين وسيط جديد. وفي غضون ذلك، يستمر سريان المهل الجارية ما لم تُعلَّق القضية.
mail-register-subject = تسجيل التظلم
mail-register-body = سجّل قلم السجل التظلم. وسيجري الآن تقييم مقبوليته.
mail-reminder-subject = { $when ->
    [today] يحل الموعد اليوم
    [tomorrow] يحل الموعد غدا
   *[other] تذكير
}: { $meaning }، في موعد أقصاه { $due }
mail-reminder-body = { $when ->
    [today] نود تذكيركم بأن مهلة { $meaning } يحل أجلها اليوم، { $due }.
    [tomorrow] نود تذكيركم بأن مهلة { $meaning } يحل أجلها غدا، { $due }.
   *[other] نود تذكيركم بأن مهلة { $meaning } يحل أجلها بعد { $days ->
        [zero] { $days } يوم عمل
        [one] يوم عمل واحد
        [two] يومي عمل
        [few] { $days } أيام عمل
        [many] { $days } يوم عمل
       *[other] { $days } يوم عمل
    }، في { $due }.
} والمطلوب من { $party } التصرف.
mail-request_extension-subject = طلب تمديد
mail-request_extension-body = قُدِّم طلب لتمديد مهلة، وهو بانتظار البت فيه.
mail-request_information-subject = طلب معلومات
mail-request_information-body = طُلبت معلومات إضافية من الطرف المتظلم.
mail-request_response-subject = طلب رد رسمي
mail-request_response-body = طلب الوسيط من الطرف المدعى عليه تقديم رد رسمي.
mail-start_monitoring-subject = بدء الرصد
mail-start_monitoring-body = يجري الآن رصد تنفيذ النتيجة.
mail-submit_response-subject = استلام الرد الرسمي
mail-submit_response-body = قدّم الطرف المدعى عليه رده الرسمي. ويجوز للطرف المتظلم الآن قبوله أو الطعن فيه.
mail-withdraw-subject = سحب التظلم
mail-withdraw-body = سحب الطرف المتظلم التظلم.

## The clocks and parties as a sentence names them
mail-clock-acknowledge = الإقرار باستلام التظلم
mail-clock-eligibility = تقييم المقبولية
mail-clock-mediator_assignment = تعيين وسيط
mail-clock-resolution = تسوية القضية
mail-clock-formal_response = الرد الرسمي
mail-clock-complainant_reply = رد الطرف المتظلم على الرد الرسمي
mail-clock-information = تقديم المعلومات المطلوبة
mail-clock-independent_review = الاستعراض المستقل
mail-clock-appeal_window = تقديم الاستئناف
mail-clock-monitoring = اختتام الرصد
mail-party-complainant = الطرف المتظلم
mail-party-respondent = الطرف المدعى عليه
mail-party-mediator = الوسيط
mail-party-registrar = قلم السجل
mail-message-subject = رسالة جديدة بشأن قضيتكم
mail-message-body = { $stage ->
    [complainant_side] كُتبت رسالة جديدة في القضية { $reference } موجهة إلى الوسيط وجانب الطرف المتظلم فقط.
    [respondent_side] كُتبت رسالة جديدة في القضية { $reference } موجهة إلى الوسيط وجانب الطرف المدعى عليه فقط.
    [staff] كُتبت مذكرة داخلية جديدة في القضية { $reference } موجهة إلى الموظفين الذين يتولون إدارة القضية.
   *[other] كُتبت رسالة جديدة في القضية { $reference } موجهة إلى جميع الأطراف والوسيط.
} يُرجى الاطلاع عليها في صفحة القضية. ولا تفي الرسالة بأي مهلة، ولا تبدأ سريانها، ولا توقفه.
mail-documents_added-subject = إضافة أدلة إلى قضيتكم
mail-documents_added-body = أُضيفت وثائق جديدة بوصفها أدلة إلى القضية { $reference }. يُرجى الاطلاع عليها في صفحة القضية. ولا تؤدي إضافة الأدلة أبدا إلى تغيير أي مهلة.
mail-reply_not_placed-subject = تعذّر إدراج ردكم في القضية
mail-reply_not_placed-body = { $stage ->
    [closed] لم يُدرج ردكم بالبريد الإلكتروني على إشعار بشأن القضية { $reference } في القضية: لم تعد القضية تقبل الرسائل.
    [empty] لم يُدرج ردكم بالبريد الإلكتروني على إشعار بشأن القضية { $reference } في القضية: لم يبق شيء من كلامكم بعد فصل الرسالة المقتبسة والتوقيع.
   *[refused] لم يُدرج ردكم بالبريد الإلكتروني على إشعار بشأن القضية { $reference } في القضية: أحد الملفات المرفقة من نوع أو حجم لا يحفظه ملف القضية.
} تلقى قلم السجل رسالتكم وسينظر فيها. للكتابة في القضية بأنفسكم، استخدموا صفحة القضية.

# Translations on a clock
mail-request_translation-subject = طلب ترجمة
mail-request_translation-body = طلب أحد الأطراف ترجمة. وقد بدأ سريان المهلة المتاحة لقلم السجل لتقديمها.
mail-provide_translation-subject = قُدِّمت الترجمة
mail-provide_translation-body = قدّم قلم السجل ترجمة. ويظل النص الأصلي هو النص ذو الحجية. وتُستأنف اعتبارًا من اليوم المواعيد النهائية التي عُلِّقت في انتظارها.
mail-clock-translation = تقديم ترجمة طلبها أحد الأطراف
