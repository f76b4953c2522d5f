import type { MessageFragment } from '../../i18n/messages/fragment.ts';

export const publicMessages: MessageFragment = {
  en: { 'web.public.documentTitle': 'HN2301 study: information for patients' },
  'zh-CN': { 'web.public.documentTitle': 'HN2301 研究：患者须知' },
};
