// Empty, loading and error states, progress and confirmations on the clinical and daily pages
// (issue 13); spread into the source dictionary (./zh-CN.ts).
export const statesCareZhCN = {
  'case.access.revokeNamed': '撤销 {name} 的访问',
  'case.access.revokeConfirm.title': '撤销 {name} 的访问？',
  'case.access.revokeConfirm.body':
    '{name} 将无法再打开个案 {number}。下一位有写入权限的持有人访问时会轮换个案密钥。',
  'case.access.revokeConfirm.bodyRotate':
    '{name} 将无法再打开个案 {number}。随后您的浏览器会为其余持有人轮换个案密钥，此后写入的内容对方读不到。',
  'case.access.revoking': '正在撤销…',
  'case.access.revokeStep.revoke': '第 {step} 步，共 {steps} 步：正在撤销访问…',
  'case.access.revokeStep.rotate': '第 {step} 步，共 {steps} 步：正在为其余持有人重新封装个案密钥…',
  'case.access.revokedRotated':
    '已撤销 {name} 的访问，个案密钥已轮换（第 {epoch} 代）：对方读不到此后写入的内容。',
  'case.admin.rotate.working': '正在轮换…',
  'case.admin.rotate.progress': '正在本浏览器中生成新一代个案密钥，并封装给每位持有人…',
  'case.admin.end.title': '将个案 {number} 改为「{status}」？',
  'case.admin.end.closeBody': '结案后，个案不再属于进行中的工作；之后仍可重新开启，已有记录保持不变。',
  'case.admin.end.archiveBody': '归档后，个案不能再改变状态，也不能再写入记录。此操作无法撤回。',
  'case.admin.end.confirm': '确认更改',
  'case.admin.end.working': '正在更改…',
  'case.upload.progress': '正在加密并上传「{name}」：第 {done} / {total} 块',
  'case.download.progress': '正在下载并解密「{name}」：第 {done} / {total} 块',
  'case.print.jsonWorking': '正在导出…',
  'case.print.jsonProgress': '正在本浏览器中解密并整理整个个案…',
  'schedule.cancelConfirm.title': '取消 {client} 在 {when} 的预约？',
  'schedule.cancelConfirm.body': '原因记为「{reason}」。该时段会空出来，预约以“已取消”留在日历中。',
  'schedule.cancelConfirm.bodySeries': '这会取消：{scope}；原因记为「{reason}」。',
  'schedule.cancelConfirm.confirm': '确认取消',
  'schedule.cancelConfirm.working': '正在取消…',
  'schedule.exceptions.removeNamed': '删除 {exception}',
  'schedule.exceptions.removeConfirm': '删除例外时段 {exception}？',
  'schedule.exceptions.removeBody': '当天恢复每周的常规时间；之后可以随时重新添加。',
  'schedule.exceptions.removing': '正在删除…',
  'schedule.feed.revokeConfirm': '停用日历订阅？',
  'schedule.feed.revokeBody':
    '已订阅的日历应用将不再收到您的预约。之后可以发放新的订阅链接，旧链接不会恢复。',
  'schedule.feed.revoking': '正在停用…',
  'clients.reminders.stopConfirm': '停止给 {name} 发送提醒？',
  'clients.reminders.stopBody': '服务器将删除该来访者的提醒邮箱；以后再开启需要重新征得来访者同意。',
  'clients.reminders.stopping': '正在停止…',
};
