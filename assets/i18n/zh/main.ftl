## Layout and navigation
skip-to-content = 跳至正文
nav-label = 主导航
nav-register = 公共登记册
nav-sign-in = 登录
nav-my-cases = 我的案件
nav-file = 提交申诉
nav-inbox = 收件箱
nav-caseload = 所办案件
nav-intake = 收案
nav-all-cases = 所有案件
nav-received-mail = 收到的邮件
nav-failed-notices = 发送失败的通知
nav-dashboard = 仪表板
nav-samples = 审查样本
nav-users = 人员
nav-delegations = 代表团
nav-bodies = 机构
nav-mediators = 调解人
nav-holidays = 节假日
nav-policies = 时限
language = 语言
language-change = 更改
locale-en = English
locale-fr = Français
locale-es = Español
locale-ar = العربية
locale-zh = 中文
locale-ru = Русский
sign-out = 退出登录
footer-purpose = 为程序性申诉提供的正式、透明渠道，补救时限明确。
footer-zone = 所示时间均为 { $zone } 时区时间。
back-home = 返回起始页
choose = — 请选择 —
problems-title = 存在问题
error-prefix = 错误：

## Roles
role-delegate = 代表
role-respondent = 被申诉方
role-mediator = 调解人
role-registrar = 书记官
role-oversight = 监督
role-admin = 管理员

## Flash messages
flash-signed-out = 您已退出登录。
flash-reset-sent = 如果该地址已获认证，重置代码即将发送给您。请在下方输入。
flash-password-changed = 您的密码已更改。请使用新密码登录。
flash-already-done = 此表格已经提交；以下是其处理结果。

## Home
home-title = Redress
home-intro = 各代表团可在此就程序不公正问题提出申诉，并在公布的时限内跟踪申诉，直至得出结果。

## Sign-in and password
sign-in-title = 登录
sign-in = 登录
sign-in-failed = 电子邮件地址或密码不正确，或账户未激活。
sign-in-locked = 该地址登录失败次数过多。为防止密码被猜测，登录已暂停至 { $until }；在此期间仍可重置遗忘的密码。
forgot-link = 忘记密码？
forgot-title = 重置密码
forgot-intro = 请输入您账户的电子邮件地址。如果该地址已获认证，我们将通过电子邮件向您发送重置代码。
forgot-send = 发送代码
reset-title = 设置新密码
reset-intro = 请输入电子邮件中的代码，以及至少 12 个字符的新密码。
reset-save = 保存密码
reset-mismatch = 两次输入的密码不一致。

## Fields
field-email = 电子邮件地址
field-password = 密码
field-password_confirmation = 再次输入密码
field-token = 重置代码
field-lang = 语言
hint-token = 电子邮件中的代码；仅可使用一次。
hint-password = 至少 12 个字符。
field-required = 请输入一个值。
field-invalid-choice = 请从选项中选择一项。
field-invalid = 此值无效。
field-bad-email = 请输入电子邮件地址。
field-too-short = 请至少输入 { $min } 个字符。
field-too-long = 请最多输入 { $max } 个字符。

## Errors
error-not-found = 未找到页面
error-not-found-help = 该页面不存在，或您无权访问。
error-unauthorized = 请登录后继续
error-unauthorized-help = 您须登录才能访问此页面。
error-forbidden = 不允许此操作
error-forbidden-help = 您在本案中的身份不允许此操作。
error-forged = 无法接受该表格
error-forged-help = 该表格已过期，或并非来自本网站。请返回，重新加载页面后再次提交。
error-invalid = 部分值无效
error-invalid-help = 请返回并加以更正。
error-conflict = 无法执行此操作
error-conflict-help = 案件目前不允许此操作，或有他人同时更改了案件。请重新加载案件后重试。
error-internal = 出现错误
error-internal-help = 问题出在我方，已记录在案。请稍后重试。
error-unavailable = 暂时无法使用
error-unavailable-help = 本服务暂时无法连接数据库。未作任何更改；请几秒钟后重试。
error-throttled = 暂停一段时间
error-throttled-help = 被拒绝的尝试次数过多。请等到下列时间后再试。

## Common words
any = 不限
yes = 是
no = 否
filter = 筛选
pager = 分页
page-prev = 上一页
page-next = 下一页
page-of = 第 { $page } 页，共 { $pages } 页
withheld = 不予公开
on-hold = 暂停处理中
flash-filed = 您的申诉已提交。其编号和首批时限如下。
flash-action-done = 已完成。案件已更新，致有关各方的电子邮件已排队等待发送。

## Case lists
my-cases-title = 我的案件
inbox-title = 收件箱
all-cases-title = 所有案件
caseload-title = 我的所办案件
awaiting-title = 等待您答复
awaiting-none = 没有等待您答复的事项。
all-yours-title = 针对您的所有案件
caseload-open = 未结案件
caseload-overdue = 已逾时限
caseload-week = 本周结束前到期
caseload-order = 按下一个时限排序，最紧迫的排在最前。
cases-count = { $n ->
   *[other] { $n } 件案件
}
cases-none = 没有案件。
filter-overdue = 已逾时限
col-reference = 编号
col-title = 标题
col-status = 状态
col-complainant = 申诉方
col-next-deadline = 下一个时限
col-filed = 提交日期
col-clock = 时限
col-party = 行动方
col-due = 到期
col-standing = 当前状况

## Clocks
clock-days-left = { $n ->
    [0] 今天到期
   *[other] 剩余 { $n } 个{ $unit ->
        [calendar] 日历日
       *[working] 工作日
    }
}
clock-overdue-by = { $n ->
    [0] 今天已逾期
   *[other] 已逾期 { $n } 个{ $unit ->
        [calendar] 日历日
       *[working] 工作日
    }
}
clock-overdue = 已逾期
clock-running = 计时中
clock-paused = 已暂停（案件暂停处理）
clock-lapsed = 已失效：期限届满而未使用
clock-met = 已遵守
clock-met-late = 逾期完成
clock-cancelled = 已无必要
clock-acknowledge = 确认收到
clock-eligibility = 决定可否受理
clock-mediator_assignment = 指派调解人
clock-resolution = 解决案件
clock-formal_response = 正式答复
clock-complainant_reply = 申诉方的回复
clock-information = 所要求的资料
clock-independent_review = 独立审查
clock-appeal_window = 上诉期
clock-monitoring = 监测

## Parties
party-complainant = 申诉方
party-respondent = 被申诉方
party-mediator = 调解人
party-registrar = 书记官处

## Statuses
status-submitted = 已提交
status-registered = 已登记
status-under_assessment = 评估中
status-dismissed = 已驳回
status-in_mediation = 调解中
status-awaiting_response = 等待答复
status-response_received = 已收到答复
status-settled = 已和解
status-monitoring = 监测中
status-under_review = 独立审查中
status-decided = 已裁决
status-withdrawn = 已撤回
status-closed = 已结案

## Categories
category-speaking_time = 发言时间
category-agenda_setting = 议程设置
category-document_access = 文件获取
category-interpretation = 口译和笔译
category-scheduling = 日程安排和时区
category-voting_procedure = 表决程序
category-chair_conduct = 主席的行为
category-exclusion_from_consultations = 被排除在磋商之外
category-retaliation = 报复
category-other = 其他

## Vocabulary
confidentiality-public = 公开
confidentiality-identity_protected = 身份保密
urgency-normal = 普通
urgency-urgent = 紧急
language-en = 英文
language-fr = 法文
language-es = 西班牙文
language-ar = 阿拉伯文
language-zh = 中文
language-ru = 俄文
outcome-response_accepted = 答复已获接受
outcome-settled = 已和解
outcome-upheld = 申诉成立
outcome-partly_upheld = 申诉部分成立
outcome-not_upheld = 申诉不成立
outcome-dismissed = 已驳回
outcome-withdrawn = 已撤回
decision-upheld = 申诉成立
decision-partly_upheld = 申诉部分成立
decision-not_upheld = 申诉不成立
dismissal-outside_mandate = 超出本机制的任务授权范围
dismissal-not_procedural = 与程序无关
dismissal-time_barred = 提交过晚
dismissal-duplicate_of_pending_case = 与一件待决案件重复
dismissal-anonymous_or_unidentified = 匿名或身份不明
dismissal-manifestly_unfounded = 明显缺乏依据
dismissal-resolved_before_registration = 登记前已解决
dismissal-other = 其他理由
extension-pending = 待决
extension-granted = 已批准
extension-refused = 已拒绝
submission-complaint = 申诉书
submission-information_request = 资料请求
submission-information = 资料
submission-response_request = 要求作出正式答复
submission-formal_response = 正式答复
submission-acceptance = 接受
submission-counter_proposal = 反提议
submission-settlement_proposal = 和解
submission-escalation_note = 上报
submission-decision = 裁决
submission-appeal = 上诉
submission-monitoring_plan = 监测计划
submission-closing_note = 结案说明
submission-withdrawal = 撤回
submission-note = 备注
method-automatic = 自动
method-manual = 由书记官处选定
method-override = 尽管存在利益冲突仍予选定
assign-automatic = 自动选择（轮换，无利益冲突）
assign-nobody = 无符合条件者
assign-excluded = 未予考虑
assign-eligible = { $n } 人符合条件
challenge-by = { $party }提出的异议
challenge-pending = 待决
challenge-upheld = 异议成立
challenge-rejected = 已驳回
challenge-moot = 已无实际意义

## Actions (buttons and timeline)
action-file = 已提交
action-register = 登记
action-declare_eligible = 宣布可予受理
action-dismiss = 驳回
action-assign_mediator = 指派调解人
action-request_response = 要求作出正式答复
action-submit_response = 提交正式答复
action-accept_response = 接受答复
action-contest_response = 对答复提出异议
action-record_settlement = 记录和解
action-escalate = 提交独立审查
action-record_decision = 记录裁决
action-appeal = 上诉
action-start_monitoring = 开始监测
action-close = 结案
action-withdraw = 撤回申诉
action-place_hold = 暂停处理
action-lift_hold = 解除暂停
action-request_information = 要求提供资料
action-provide_information = 提供资料
action-request_extension = 申请延期
action-decide_extension = 就延期作出决定
action-challenge_mediator = 对调解人提出异议
action-decide_challenge = 就异议作出决定
action-recuse_mediator = 自行回避
action-assignment_blocked = 无法指派调解人
action-viewed = 监督人员已查阅
action-breach = 未遵守时限
action-escalation = 已上报监督部门
action-notice_failed = 通知无法送达
action-notice_requeued = 通知已重新发送
afield-note = 备注
afield-reason = 理由
afield-mediator = 调解人
afield-override_reason = 选定存在利益冲突的调解人的理由（仅在推翻利益冲突规则时填写）
afield-request = 请求
afield-response = 正式答复
afield-counter_proposal = 反提议
afield-terms = 和解条件
afield-reasoning = 理由说明
afield-decision = 裁决
afield-grounds = 上诉理由
afield-plan = 监测计划
afield-summary = 结案摘要
afield-questions = 问题
afield-information = 资料
afield-deadline_id = 时限
afield-days = 天数
afield-grant = 是否批准？
afield-challenge = 异议
afield-uphold = 是否支持？
afield-expected_version = 版本
afield-action = 操作
problem-title = 无法执行此操作
problem-conflict = 在您浏览本页期间，有人更改了此案件。其当前状态如下；请核对后再次操作。
problem-transition = 案件目前所处阶段不允许此操作。其当前状态如下。

## Case page
case-title = 案件
case-facts = 申诉内容
case-mediator = 调解人
case-deadlines = 时限
case-no-deadlines = 尚无时限。
case-actions = 您可采取的行动
case-read-only = 监督人员只查阅案件，不对案件采取行动。
case-pleadings = 书状
case-no-pleadings = 尚未提交任何内容。
case-holds = 暂停处理记录
case-extensions = 延期申请
case-assignments = 调解人指派
case-timeline = 时间线

## Filing
file-title = 提交申诉
file-intro = 请说明所发生的情况以及如何才能予以纠正。标有 * 的字段为必填项。申诉一经提交，您的案件即获得编号和时限。
file-submit = 提交申诉
field-title = 标题
field-category = 不公正的类型
field-body = 发生情况的机构
field-incident_date = 事件发生日期
field-facts = 所发生的情况
hint-facts = 至少 20 个字符：日期、会议、由谁作出了何种决定。
field-remedy_sought = 如何才能予以纠正
field-respondent = 被申诉方
respondent-body = 某一机构（其主席或秘书处）
respondent-delegation = 另一代表团
field-respondent_code = 机构或代表团
hint-respondent_code = 请根据您在上方所作的选择，选择一个机构或一个代表团。
field-co_complainants = 共同申诉方
hint-co_complainants = 与贵代表团共同提出申诉的代表团（如有）：请填写其名称或三字母代码，以逗号分隔（例如：海地，KIR）。
field-confidentiality = 保密性
hint-confidentiality = 选择身份保密后，被申诉方和公共登记册均无法看到申诉方身份。
field-language = 案件语文
field-urgency = 紧急程度
hint-urgency = 紧急案件（会议仍在进行中）适用较短的时限。
caseload-shown = 显示最紧迫的 { $n } 件案件。
field-unknown = 请从所列值中选择一项。
field-future = 该日期为未来日期。
field-duplicate = 此项重复列出。
field-taken = 此项已被使用。
field-self = 此处不能填写贵代表团本身。
document-too-large = { $name } 大于 { $mb } MB，超出单个文件的大小上限。
document-empty = { $name } 为空文件。
document-type-refused = { $name } 不属于案卷可保存的文件类型：请提交 PDF、图像、办公文档、纯文本或电子邮件。
document-none = 请选择要添加的文件。
document-too-many = 每次最多添加 { $n } 个文件。
document-case-full = 案卷将超过 { $mb } MB，即单个案件可容纳的上限。
document-not-taken = 此操作不接受文件：请将文件作为证据添加，或随书状一并提交。

# The case file
case-documents = 文件
case-no-documents = 尚无文件。
evidence-add = 添加证据
evidence-intro = 支持案件的文件：议程、会议记录、发言名单、往来函件等。添加文件绝不会变动任何时限。
field-document_title = 标题
field-document_language = 文件语文
field-files = 文件
field-file = 文件
afield-file = 文件（可选）
hint-files = 最多 { $n } 个文件，每个不超过 { $mb } MB：PDF、图像、办公文档、纯文本或电子邮件，按文件内容判定类型。
files-again = 表格被退回时不会保留文件：请重新选择。
flash-evidence-added = 文件已添加到案卷。
action-documents_added = 已添加证据
document-with = 文件
document-kind = 类型
document-size = 大小
document-added = 添加人

# Correspondence
case-correspondence = 往来函件
case-no-messages = 尚无消息。
message-write = 撰写消息
message-intro = 消息仅送达您在下方选择的读者，并以其各自的语言通过电子邮件发送。消息不会满足、启动或暂停任何时限：如需正式回应请求，请使用上方的操作。
message-send = 发送消息
field-audience = 可阅读者
field-message_body = 消息
field-message_language = 消息语文
afield-note_audience = 备注的可阅读者
audience-all_parties = 所有当事方和调解人
audience-complainant_side = 仅限调解人和申诉方
audience-respondent_side = 仅限调解人和被申诉方
audience-staff = 仅限工作人员（书记官处、调解人、监督人员）：内部备注
submission-message = 消息
action-message = 消息
action-note = 备注
flash-message-sent = 消息已保存，致各读者的电子邮件已排队等待发送。

## What happens next, on the case page
next-title = 下一步
next-ended = 本案已结束。任何人均无需再采取任何行动。
next-on-hold = 案件已暂停处理：在解除暂停之前，所有时限均暂停计算。
next-nothing-due = 目前没有正在计算的时限。
next-yours = 轮到您采取行动：{ $clock }。
next-waiting-complainant = 等待申诉方：{ $clock }。
next-waiting-respondent = 等待被申诉方：{ $clock }。
next-waiting-mediator = 等待调解人：{ $clock }。
next-waiting-registrar = 等待书记官处：{ $clock }。
next-due = 到期时间：{ $at }
due-end-of-business = 本组织工作日结束时：{ $at }，{ $zone }
next-read-first = 请先阅读
next-answer-with = 请通过以下方式之一作出回应：
next-your-step = 您的下一步：
next-nothing-yours = 目前没有需要您处理的事项。届时将通过电子邮件通知您。
complaint-above = 所提交的申诉：其事实和所请求的补救见上文。
pleading-above = 见上文“下一步”部分。
withdraw-warning = 撤回将永久终止申诉。系统将请您确认。
confirm-title = 确认
confirm-withdraw-title = 撤回此申诉？
confirm-withdraw-ends = 撤回即终止申诉：所有仍在计算的时限都将停止，调解人和被申诉方将收到通知，且案件不能重新开启。如果您日后可能还想继续处理，请保留案件。
confirm-withdraw-yes = 是，撤回申诉
confirm-keep = 否，保留案件

field-name_fr = 法文名称
field-name_es = 西班牙文名称
field-names = 其他语文名称
timeline-status-moved = 状态：{ $from } → { $to }

states-list = 会员国及其代码
field-name_ar = 阿拉伯文名称
field-name_zh = 中文名称
field-name_ru = 俄文名称

# Translations on a clock
clock-translation = 翻译
submission-translation = 译文
action-request_translation = 申请翻译
action-provide_translation = 提供译文
afield-source = 需翻译的文本
afield-language = 译入语文
afield-text = 译文文本
translation-pending = 已申请翻译
translation-provided = 译文
translation-lapsed = 未提供：案件已结束
translation-authentic = 作准文本
translation-due = 书记处将于 { $due } 前提供。
translation-waits = 在此之前，贵方的期限暂停计算。
translation-asked-by = 申请方：{ $party }
case-translations = 译文

# Dates, as a translator of this language writes them (month-N names the month as the
# date says it: Russian in the genitive).
month-1 = 1月
month-2 = 2月
month-3 = 3月
month-4 = 4月
month-5 = 5月
month-6 = 6月
month-7 = 7月
month-8 = 8月
month-9 = 9月
month-10 = 10月
month-11 = 11月
month-12 = 12月
date-long = { $year }年{ $monthnum }月{ $day }日
date-time = { $date } { $time }
afield-written_in = 您的文本所用语文
