## The frame of every email
mail-greeting = 尊敬的{ $name }：
mail-label-colon = { $label }：
mail-label-case = 案件
mail-label-status = 状态
mail-label-complainant = 申诉方
mail-label-deadline = 时限
mail-label-party = 行动方
mail-label-due = 到期时间
mail-open-case = 打开案件
mail-signature = Redress 申诉与补救服务
mail-zone-note = 所示时间为您所在时区（{ $zone }）的时间以及协调世界时（UTC）。
mail-calendar-note = 如时限有所变动，所附日历条目将自动更新。

## One subject and one message per kind of notice

mail-accept_response-subject = 正式答复已获接受
mail-accept_response-body = 申诉方已接受正式答复。
mail-appeal-subject = 已提出上诉
mail-appeal-body = 本案已有人提出上诉。
mail-assign_mediator-subject = 已指派调解人
mail-assign_mediator-body = 已为本案指派一名调解人，该调解人将与各当事方联系。
mail-assignment_blocked-subject = 无法自动指派调解人
mail-assignment_blocked-body = 无法为本案自动指派调解人：每位调解人或与本案存在利益冲突，或无法接案（正在休假或已满负荷）。书记官处必须指派一名调解人。人工指派同样须经利益冲突核查；如要推翻核查结果，须提出书面理由。本案的指派记录载明了哪些调解人被排除及其原因。
mail-assignment_override-subject = 尽管存在已记录的利益冲突或无法接案情况，仍指派了调解人
mail-assignment_override-body = 尽管存在已记录的利益冲突或无法接案情况，书记官处仍为本案指派了一名调解人，并以书面理由推翻了指派规则。监督部门不妨审查本案的指派记录，其中载有所述理由。
mail-breach-subject = 未遵守时限：{ $meaning }
mail-breach-body = { $meaning }的时限已于 { $due } 届满，但未得到遵守。应由{ $party }采取行动。调解人和书记官处已获通知；如仍未遵守，该事项将上报监督部门。
mail-case_filed-subject = 申诉已提交
mail-case_filed-body = 一项申诉已经提交，登记编号为 { $reference }。书记官处将在规则规定的时限内确认收到申诉，并评估其可否受理。
mail-challenge_mediator-subject = 调解人受到异议
mail-challenge_mediator-body = 一方当事方以中立性或利益冲突为由，对本案所指派的调解人提出异议。书记官处将决定是否支持该异议。在此期间，除非案件暂停处理，否则正在计算的时限将继续计算。
mail-close-subject = 案件已结案
mail-close-body = 本案已结案。
mail-contest_response-subject = 正式答复受到异议
mail-contest_response-body = 申诉方已对正式答复提出异议；调解继续进行。
mail-decide_challenge-subject = { $stage ->
    [upheld] 对调解人的异议成立
    [rejected] 对调解人的异议被驳回
   *[other] 关于对调解人所提异议的决定
}
mail-decide_challenge-body = { $stage ->
    [upheld] 书记官处已支持对调解人的异议。该调解人已被撤出本案，正在指派新的调解人；如无法自动指派，将由书记官处指派。
    [rejected] 书记官处已驳回对调解人的异议。该调解人继续负责本案，调解继续进行。
   *[other] 书记官处已就对调解人所提异议作出决定；详情已记录在案件中。
}
mail-decide_extension-subject = 已就延期作出决定
mail-decide_extension-body = 已就延长时限的申请作出决定。
mail-declare_eligible-subject = 申诉已被宣布可予受理
mail-declare_eligible-body = 申诉已被宣布可予受理，并已送达被申诉方。将为本案指派一名调解人。
mail-dismiss-subject = 申诉已被驳回
mail-dismiss-body = 书记官处已在受理资格审查阶段驳回申诉。申诉方可对此决定提出上诉。
mail-escalate-subject = 案件已提交独立审查
mail-escalate-body = 本案已提交独立审查。
mail-escalation-subject = 上报：{ $meaning }已逾期
mail-escalation-body = { $meaning }的时限已于 { $due } 届满，{ $party }仍未遵守。特此通知，将该事项上报监督部门和调解人，以便采取行动。
mail-receipt-subject = 所提交材料的回执
mail-receipt-body = 这是您就案件 { $reference } 所提交材料的回执。请妥善保存：凭借下列数值，任何人无需依赖秘书处的记录，即可核实案卷中仍保存着您所提交的原文，且该文本是在 { $day }（UTC）记录的。
mail-receipt-text = 您所提交文本的 SHA-256 值：
mail-receipt-event = 将其记入案件审计链的事件：
mail-receipt-day = 所公布摘要中包含该事件的日期（UTC）：
mail-receipt-proof = 自次日起，公共登记册将显示该事件包含在当日摘要中的证明：
mail-receipt-by-mail = 您的电子邮件回复已作为消息列入案件。消息本身不满足任何期限，也不提出任何请求：如需采取正式步骤（答复、接受、上诉），请使用案件页面。
mail-lift_hold-subject = 已解除暂停：时限恢复计算
mail-lift_hold-body = 暂停处理已解除，本案时限恢复计算。
mail-password_reset-subject = 重置您的 Redress 密码
mail-password_reset-body = 有人（希望是您本人）申请重置您 Redress 账户的密码。请使用以下代码设置新密码：
mail-password_reset-open = 或打开以下页面，代码已自动填入：
mail-password_reset-link = 打开重置页面
mail-password_reset-expiry = 此代码仅可使用一次，将在 { $minutes } 分钟后失效。如果您并未提出此项申请，请忽略本邮件：您的密码将保持不变。
mail-place_hold-subject = 案件暂停处理：时限停止计算
mail-place_hold-body = 本案已暂停处理。在解除暂停之前，其时限停止计算。
mail-provide_information-subject = 已提供资料
mail-provide_information-body = 申诉方已提供所要求的资料。
mail-record_decision-subject = 已记录裁决
mail-record_decision-body = 已就本案记录一项裁决。可在上诉期内对该裁决提出上诉。
mail-record_settlement-subject = 已记录和解
mail-record_settlement-body = 调解人已记录各当事方之间达成的和解。
mail-recuse_mediator-subject = 调解人已回避
mail-recuse_mediator-body = 调解人已自行回避并退出本案。正在指派新的调解人。在此期间，除非案件暂停处理，否则正在计算的时限将继续计算。
mail-register-subject = 申诉已登记
mail-register-body = 书记官处已登记该申诉。现将评估其可否受理。
mail-reminder-subject = { $when ->
    [today] 今天到期
    [tomorrow] 明天到期
   *[other] 提醒
}：{ $meaning }，截止时间 { $due }
mail-reminder-body = { $when ->
    [today] 谨此提醒：{ $meaning }的时限于今天（{ $due }）到期。
    [tomorrow] 谨此提醒：{ $meaning }的时限于明天（{ $due }）到期。
   *[other] 谨此提醒：{ $meaning }的时限将在 { $days } 个工作日后，即 { $due } 到期。
}应由{ $party }采取行动。
mail-request_extension-subject = 已申请延期
mail-request_extension-body = 已有人申请延长某一时限，正等待决定。
mail-request_information-subject = 已要求提供资料
mail-request_information-body = 已要求申诉方提供进一步资料。
mail-request_response-subject = 已要求作出正式答复
mail-request_response-body = 调解人已要求被申诉方作出正式答复。
mail-start_monitoring-subject = 监测已开始
mail-start_monitoring-body = 现正对结果的执行情况进行监测。
mail-submit_response-subject = 已收到正式答复
mail-submit_response-body = 被申诉方已提交正式答复。申诉方现可接受该答复或对其提出异议。
mail-withdraw-subject = 申诉已撤回
mail-withdraw-body = 申诉方已撤回申诉。

## The clocks and parties as a sentence names them
mail-clock-acknowledge = 确认收到申诉
mail-clock-eligibility = 受理资格评估
mail-clock-mediator_assignment = 指派调解人
mail-clock-resolution = 解决案件
mail-clock-formal_response = 正式答复
mail-clock-complainant_reply = 申诉方对正式答复的回复
mail-clock-information = 提供所要求的资料
mail-clock-independent_review = 独立审查
mail-clock-appeal_window = 提出上诉
mail-clock-monitoring = 完成监测
mail-party-complainant = 申诉方
mail-party-respondent = 被申诉方
mail-party-mediator = 调解人
mail-party-registrar = 书记官处
mail-message-subject = 您的案件有新消息
mail-message-body = { $stage ->
    [complainant_side] 案件 { $reference } 有一条新消息，仅供调解人和申诉方阅读。
    [respondent_side] 案件 { $reference } 有一条新消息，仅供调解人和被申诉方阅读。
    [staff] 案件 { $reference } 有一条新的内部备注，仅供办理本案的工作人员阅读。
   *[other] 案件 { $reference } 有一条新消息，供所有当事方和调解人阅读。
}请在案件页面阅读。消息不会满足、启动或暂停任何时限。
mail-documents_added-subject = 您的案件已添加证据
mail-documents_added-body = 案件 { $reference } 已添加新的证据文件。请在案件页面阅读。添加证据绝不会变动任何时限。
mail-reply_not_placed-subject = 您的回复未能列入案件
mail-reply_not_placed-body = { $stage ->
    [closed] 您就案件 { $reference } 的通知通过电子邮件所作的回复未列入案件：该案件已不再接收消息。
    [empty] 您就案件 { $reference } 的通知通过电子邮件所作的回复未列入案件：除去引用的邮件和签名后，没有留下您本人撰写的内容。
   *[refused] 您就案件 { $reference } 的通知通过电子邮件所作的回复未列入案件：所附文件的类型或大小不为案卷所保存。
} 登记处已收到您的邮件并将进行审查。如需亲自在案件中撰写，请使用案件页面。

# Translations on a clock
mail-request_translation-subject = 已申请翻译
mail-request_translation-body = 一方已申请翻译。书记处提供译文的期限已开始计算。
mail-provide_translation-subject = 译文已提供
mail-provide_translation-body = 书记处已提供译文。原文仍为作准文本。等待译文期间暂停的期限自今日起恢复计算。
mail-clock-translation = 提供一方申请的译文
