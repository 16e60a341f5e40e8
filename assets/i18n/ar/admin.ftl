## Administration
users-title = الأشخاص
user-title = الشخص
users-affiliation = الوفد أو الهيئة
users-status = الحساب
users-active = نشط
users-inactive = معطَّل
users-accredit = اعتماد شخص
users-accredit-intro = لا يوجد تسجيل ذاتي: يُعتمد الأشخاص من هنا. وإذا لم تُحدَّد كلمة مرور، يختار الشخص المعني كلمة مروره باستخدام الرمز المرسل إليه بالبريد الإلكتروني.
flash-accredited = تم الاعتماد. وقد أُبلغ الشخص المعني بذلك بالبريد الإلكتروني.
flash-saved = تم الحفظ.
save = حفظ
back = رجوع
remove = إزالة
field-name = الاسم
field-role = الدور
field-delegation = الوفد
hint-delegation = بالنسبة إلى المندوب، الوفد الذي يتحدث باسمه؛ وبالنسبة إلى الوسيط، جنسيته.
hint-body = بالنسبة إلى مسؤول الجهة المدعى عليها، الهيئة التي يرد باسمها.
field-locale = اللغة
field-time_zone = المنطقة الزمنية
hint-time_zone = منطقة زمنية وفق تسميات IANA، مثل Europe/Zurich أو Pacific/Funafuti: يُرجى كتابة اسم مدينة ثم الاختيار. وتُعرض جميع الأوقات وفقا لهذه المنطقة.
delegations-title = الوفود
delegations-intro = الدول الأعضاء، مع بيان المجموعة الإقليمية التي تنتمي إليها كل منها في الأمم المتحدة، ووضعها من حيث كونها من أقل البلدان نموا أو من الدول الجزرية الصغيرة النامية أو من البلدان النامية غير الساحلية، وهي البيانات التي تستند إليها أرقام التفاوت.
col-code = الرمز
col-regional-group = المجموعة الإقليمية
bodies-title = الهيئات
bodies-add = إضافة هيئة
field-code = الرمز
hint-code = حروف وأرقام والرمزان - و_ فقط، مثل HRC.
field-kind = النوع
body-kind-committee = لجنة
body-kind-conference = مؤتمر
body-kind-working_group = فريق عامل
body-kind-council = مجلس
body-kind-secretariat = أمانة
body-kind-other = غير ذلك
mediators-title = الوسطاء
mediator-title = الوسيط
mediators-conflicts = حالات تضارب المصالح المعلنة
mediators-accredit-hint = يُعتمد الوسيط من قسم «الأشخاص»، بدور «الوسيط» مع بيان جنسيته.
field-capacity = القدرة الاستيعابية (القضايا المفتوحة)
field-languages = لغات العمل
field-on_leave = في إجازة
field-conflicting_delegations = تضارب المصالح مع وفود
field-conflicting_bodies = تضارب المصالح مع هيئات
holidays-title = العطلات الرسمية
holidays-intro = الأيام التي تُغلق فيها المنظمة، بتوقيت { $zone }. ولا تُحتسب هذه الأيام في المهل المحددة بأيام العمل؛ وتُعدَّل المهل الجارية عند تغيير التقويم.
holidays-none = لا توجد عطلات رسمية.
holidays-add = إضافة عطلة رسمية
field-date = التاريخ
policies-title = الجداول الزمنية
policies-intro = تُحتسب أيام العمل بتوقيت { $zone }؛ ويحل أجل المهلة في الساعة { $end } من يومها الأخير. وتُزاد المهل التي تقع على عاتق وفد من أقل البلدان نموا أو من الدول الجزرية الصغيرة النامية بعدد من أيام العمل الإضافية قدره { $sdt }. ولا يجوز أن يضيف التمديد الواحد عددا من الأيام يزيد على { $max }.
policies-days = الأيام
policies-urgent = القضايا العاجلة
policies-unit = وحدة الاحتساب
policies-overrides = جداول زمنية مختلفة بحسب نوع الإجحاف
policies-reminders = تُرسل رسائل التذكير قبل حلول كل موعد نهائي بالأعداد التالية من أيام العمل: { $leads }، وفي يوم حلوله، وعند فواته.
unit-working = أيام عمل
unit-calendar = أيام تقويمية

field-answers_for = الهيئة التي يرد باسمها

delegations-search = البحث عن دولة بالاسم أو الرمز
delegations-count = { $n ->
    [zero] لا توجد أي دولة عضو
    [one] دولة عضو واحدة
    [two] دولتان عضوان
    [few] { $n } دول أعضاء
    [many] { $n } دولة عضوا
   *[other] { $n } دولة عضو
}
search = بحث
