/** The supervision archive (督导档案, issue 14) and its theme tags in the settings. */
export const supervisionArchiveZhCN = {
  'archive.heading': '督导档案',
  'archive.intro':
    '您持有密钥的个案中的督导报告与督导意见，在本浏览器中解密后列出。主题标签由管理员设定，服务器只知道标签，不知道内容。',
  'archive.search': '搜索报告与督导意见',
  'archive.theme': '主题',
  'archive.allThemes': '全部主题',
  'archive.showAll': '显示全部报告',
  'archive.count': '共 {count} 份报告',
  'archive.empty': '还没有您可以阅读的督导报告。',
  'archive.noMatch': '没有符合条件的报告。',
  'archive.caption': '督导报告',
  'archive.reportTitle': '督导报告 · {date}',
  'archive.case': '个案 {number}',
  'archive.noThemes': '未加标签',
  'archive.editThemes': '设置主题标签',
  'archive.saveThemes': '保存标签',
  'archive.themesSaved': '主题标签已保存。',
  'archive.noThemesDefined': '管理员还没有设定主题标签。',
  'archive.themesLegend': '报告 {title} 的主题',
  'settings.themes.heading': '督导主题标签',
  'settings.themes.intro':
    '督导报告可以按这些主题归档和筛选，例如 危机干预、伦理、家庭治疗。标签名称是运营数据，服务器可见；报告内容始终加密。',
  'settings.themes.name': '新标签名称',
  'settings.themes.add': '添加标签',
  'settings.themes.added': '已添加标签“{name}”。',
  'settings.themes.empty': '还没有主题标签。',
} as const;
