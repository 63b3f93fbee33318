// Managing a case (issue 4): status, transfer, key rotation, export; spread into ./zh-CN.ts.
export const caseAdminZhCN = {
  'case.contact.opening': '正在解密联系卡…',

  'case.admin.heading': '个案管理',
  'case.admin.status': '个案状态',
  'case.admin.status.move': '改为「{status}」',
  'case.admin.status.final': '已归档的个案不再改变状态。',
  'case.admin.status.changed': '个案状态已改为「{status}」。',
  'case.admin.transfer': '转介给其他咨询师',
  'case.admin.transfer.choose': '新的主咨询师',
  'case.admin.transfer.none': '没有其他已认证的咨询师可以接手。',
  'case.admin.transfer.submit': '转介个案…',
  'case.admin.transfer.title': '转介个案？',
  'case.admin.transfer.body':
    '{name} 将成为主咨询师：您的浏览器会把个案密钥（读写、长期）以及您持有的来访者联系卡密钥加密交给对方。转介记入审计日志。您仍持有密钥，直到新的主咨询师撤销您的访问。',
  'case.admin.transfer.confirm': '确认转介',
  'case.admin.transfer.done': '个案已转介给 {name}，密钥已交付。',
  'case.admin.primaryWithoutKey': '主咨询师 {name} 还没有此个案的密钥。',
  'case.admin.deliverPrimary': '把密钥交给主咨询师',
  'case.admin.primaryDelivered': '已把密钥交给 {name}。',
  'case.admin.rotate': '个案密钥',
  'case.admin.rotate.hint':
    '当前为第 {epoch} 代。轮换后，现有持有人获得新一代密钥，旧密钥读不到此后写入的内容。',
  'case.admin.rotate.submit': '轮换密钥',
  'case.admin.rotate.done': '已轮换个案密钥（第 {epoch} 代）。',
  'case.admin.busy': '正在处理…',

  'case.export.open': '打印或导出',
  'case.print.heading': '个案 {id} · 导出',
  'case.print.intro':
    '此页在您的浏览器中解密，服务器看不到内容。打印时选择「另存为 PDF」即可得到 PDF 文件。每次导出都记入审计日志。',
  'case.print.opening': '正在解密并准备导出…',
  'case.print.print': '打印或存为 PDF',
  'case.print.json': '下载 JSON',
  'case.print.jsonSaved': '已下载 JSON 文件。',
  'case.print.back': '返回个案',
  'case.print.exportedAt': '导出于 {date}，导出人 {name}',
  'case.print.verification': '日志已验证：{count} 条，日志头 {head}',
  'case.print.details': '{service} · {channel} · 开案于 {date} · {status}',

  'access.counselor': '主咨询师：{name}。附言只有对方能解密。',
  'access.cancel': '撤回申请',
  'access.cancelled': '申请已撤回。',

  'shared.open.notFound': '没有这个编号的个案。',
  'shared.open.many': '这个编号对应多个个案，请选择：',
  'shared.open.finding': '正在查找…',
  'shared.open.counselor': '主咨询师 {name}',
} as const;
