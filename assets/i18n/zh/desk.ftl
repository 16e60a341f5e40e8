## Registry desk
desk-title = 收案
desk-to-register = 待登记
desk-registered = 已登记，待评估
desk-assessing = 评估中
desk-empty = 没有待处理事项。
desk-loads = 调解人
desk-awaiting-mediator = { $n ->
    [0] 所有已通过受理资格审查的案件均已有调解人。
   *[other] 有 { $n } 件已通过受理资格审查的案件尚无调解人。
}
col-nationality = 国籍
col-languages = 语文
col-active-cases = 未结案件
col-capacity = 容量
col-overdue = 逾期
col-availability = 可用状态
mediator-inactive = 已停用
mediator-on-leave = 休假中
mediator-available = 可接案
notices-title = 发送失败的通知
notices-intro = 经过所有重试后仍无法送达的电子邮件。请核对地址后重新发送。
notices-none = 没有发送失败的通知。
notices-counts = 等待发送：{ $waiting } · 已发送：{ $sent } · 所有重试后仍失败：{ $failed }
notice-retry = 重新发送
flash-requeued = 该通知已重新排队等待发送。
col-case = 案件
col-notice = 通知
col-recipient = 收件人
col-attempts = 尝试次数
col-last-error = 最近一次错误
col-failed = 失败时间
desk-all-of-queue = 此队列中的全部 { $n } 件

received-title = 收到的邮件
received-intro = 送达登记处的邮件：等待您审查的邮件、已列入相关案件的回复、我方通知未送达的报告，以及被搁置的自动邮件。每封邮件均按到达时的原样保存。
received-tabs = 处理结果
received-outcome-review = 待审查
received-outcome-placed = 已列入案件
received-outcome-bounce = 投递失败
received-outcome-set_aside = 已搁置
received-download = 下载
received-none = 此处没有内容。
col-arrived = 到达时间
col-sender = 发件人
col-subject = 主题
col-reason = 原因
col-size-kb = 大小 (KB)
received-back = 返回邮件列表
received-recipients = 收件人
received-words = 邮件正文
received-files = 所附文件
received-unreadable = 无法读取：
received-file-bytes = { $bytes } 字节
