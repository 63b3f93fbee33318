import type { supervisionArchiveZhCN } from './supervision-archive.zh-CN';

export const supervisionArchiveEn: { readonly [K in keyof typeof supervisionArchiveZhCN]: string } = {
  'archive.heading': 'Supervision archive',
  'archive.intro':
    'The supervision reports and feedback of the cases whose key you hold, decrypted in this browser. Theme tags are set by the admin; the server knows the tags, never the text.',
  'archive.search': 'Search reports and feedback',
  'archive.theme': 'Theme',
  'archive.allThemes': 'All themes',
  'archive.showAll': 'Show all reports',
  'archive.count': '{count} reports',
  'archive.empty': 'There is no supervision report you can read yet.',
  'archive.noMatch': 'No report matches.',
  'archive.caption': 'Supervision reports',
  'archive.reportTitle': 'Supervision report · {date}',
  'archive.case': 'Case {number}',
  'archive.noThemes': 'No tags',
  'archive.editThemes': 'Set theme tags',
  'archive.saveThemes': 'Save tags',
  'archive.themesSaved': 'Theme tags saved.',
  'archive.noThemesDefined': 'The admin has not set any theme tags yet.',
  'archive.themesLegend': 'Themes of report {title}',
  'settings.themes.heading': 'Supervision theme tags',
  'settings.themes.intro':
    'Supervision reports are filed and filtered by these themes, such as crisis intervention, ethics, family therapy. Tag names are operational data the server sees; the reports stay encrypted.',
  'settings.themes.name': 'New tag name',
  'settings.themes.add': 'Add tag',
  'settings.themes.added': 'Tag “{name}” added.',
  'settings.themes.empty': 'No theme tags yet.',
};
