## The domain's refusals, as pages and the API say them

# A rule of the case refused the action.
rule-appeal-window-open = 上诉期截至 { $until }；上诉期结束后，案件将进入下一阶段。
rule-appeal-window-closed = 上诉期已结束。
rule-already-appealed = 本案已上诉过一次。
rule-mediator-already-assigned = 本案已有调解人；请指定接替的调解人。
rule-mediator-already-holds = 该调解人已在负责本案。
rule-no-eligible-mediator = 没有符合条件的调解人可负责本案：{ $why }
rule-no-mediator = 本案没有调解人。
rule-challenge-window-closed = 对该调解人提出异议的期限已于 { $closed } 结束。
rule-challenge-pending = 对该调解人的异议已在待决中。
rule-challenge-decided = 该异议已不再待决，其结果为：{ $status }。
rule-already-on-hold = 案件已暂停处理。
rule-not-on-hold = 案件未暂停处理。
rule-no-information-requested = 本案未要求提供资料。
rule-extension-pending = 该时限的延期申请已在待决中。
rule-no-challenge-pending = 没有等待决定的对调解人的异议。
rule-no-extension-pending = 没有等待决定的延期申请。
rule-extension-decided = 已就该延期申请作出决定。

# The actor's part does not allow the action.
forbidden-not-a-party = 您不是本案当事方。
forbidden-role-may-not = 您在本案中的身份不允许此操作（{ $action }）。
forbidden-only-complainant-appeals-dismissal = 只有申诉方可以对驳回决定提出上诉。
forbidden-own-deadlines-only = 您只能就自己的时限申请延期。
forbidden-only-delegates-file = 只有代表可以提交申诉。
forbidden-failures-for-staff = 送达失败由书记官处、监督人员和调解人处理。
forbidden-resend-for-staff = 只有书记官处或本案调解人可以重新发送通知。

# Why a mediator cannot take a case.
mediator-eligible-of = { $name }：符合条件，无利益冲突
exclusion-of = { $name }：{ $reasons }
exclusion-challenged-or-recused = 因异议而被撤出本案，或已自行回避
exclusion-on-leave = 正在休假
exclusion-at-capacity = 已负责 { $open } 件未结案件，容量为 { $capacity } 件
exclusion-same-nationality = 与一方当事方（{ $party }）国籍相同
exclusion-declared-conflict = 已申报与 { $with } 存在利益冲突
exclusion-earlier-involvement = 曾处理同一当事方之间的先前案件
exclusion-same-regional-group = 属于一方当事方所在的区域组（{ $group }）
exclusion-other = 被排除（{ $code }）

# Field messages that need more than the field's code.
field-at-least-days = { $min ->
   *[other] 请至少输入 { $min } 天。
}
field-length-between = 请输入 { $min } 至 { $max } 个字符。
field-at-most-days = { $max ->
   *[other] 请最多输入 { $max } 天。
}
field-after-un-founding = 请输入联合国成立（1945年10月24日）之后的日期。
field-respondent-not-complainant = 被申诉方不能同时是申诉方。
field-override-needs-mediator = 只能针对具体指定的调解人推翻利益冲突规则；请选择调解人。
field-no-such-mediator = 此人不是在职调解人。
field-mediator-removed = 该调解人{ $reasons }；不能再被指派到本案。
field-mediator-conflict = 该调解人{ $reasons }；如仍要指派，请说明理由。
field-mediator-needs-language = 调解人须至少使用一种工作语文。
field-mediator-needs-nationality = 须填写调解人的国籍，以便进行利益冲突核查。
field-delegate-needs-delegation = 代表须代表一个代表团。
field-body-only-respondents = 只有被申诉方官员隶属于机构。
field-respondent-answers-for-one = 被申诉方官员须且仅须为一个机构或一个代表团负责答复。
field-role-unaffiliated = 该角色不隶属于代表团或机构。
field-capacity-range = 请输入 1 至 { $max } 件未结案件。
field-sample-size = 请输入 1 至 { $max } 件案件。
field-reset-link-expired = 该重置代码无效或已过期；请重新申请。
field-form-damaged = 此表格已损坏；请重新加载页面。
field-from-after-to = 开始日期不得晚于结束日期。
field-period-too-long = 时段最长为 { $max } 天。
field-bad-date = 请按 YYYY-MM-DD 格式输入日期。
field-bad-zone = “{ $zone }”不是时区；请使用 Europe/Zurich 或 America/New_York 等名称。
rule-case-closed-to-evidence = 案件已结案：不能再添加证据。
forbidden-read-only = 监督人员只查阅案件，不在案件中写入内容。
message-audience-closed = 您不能向此读者范围发送消息：一方只能向所有当事方或仅向调解人发送消息。
rule-case-closed-to-messages = 案件已结案：不能再在案件中撰写消息。

field-no-such-state = 没有名称或代码为“{ $entry }”的会员国：请按下方列表所列名称或三字母代码输入。

# Translations on a clock
field-translation-source-unknown = 请选择本案中您可以阅读的诉状、消息或文件。
field-translation-same-language = 该文本已使用此语文撰写。
rule-translation-asked = 已申请将此文本译成该语文。
field-translation-request-unknown = 请选择本案的一项翻译申请。
rule-translation-provided = 此译文已提供，或案件在提供前已结束。
field-translation-empty = 请填写译文文本、附上译文文件，或两者兼有。
rule-no-translation-asked = 本案没有待提供的译文。
field-written-in-not-taken = 此操作不产生可注明语文的文本。
