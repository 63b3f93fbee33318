import { type FormDefinition, formDefinitionSchema } from '../schema.js';
import { t } from './text.js';

/** 知情同意书扫描件 — the signed paper consent, scanned and kept as an encrypted attachment. */
export const consentScanForm: FormDefinition = formDefinitionSchema.parse({
  id: 'consent-scan',
  version: 1,
  title: t('知情同意书扫描件', 'Scanned consent'),
  description: t(
    '上传来访者签署的知情同意书扫描件。除签署日期外，文件及其名称只在您的浏览器中加密保存。',
    'Upload the scan of the consent the client signed. Apart from the date, the file and its name are encrypted in your browser.',
  ),
  fields: [
    {
      id: 'signed_date',
      type: 'date',
      label: t('签署日期', 'Date signed'),
      required: true,
      sensitivity: 'operational',
    },
    {
      id: 'consent_file',
      type: 'file',
      label: t('扫描件', 'Scan'),
      help: t('PDF 或图片，最大 25 MB。', 'A PDF or an image, at most 25 MB.'),
      required: true,
      maxBytes: 25 * 1024 * 1024,
    },
  ],
});
