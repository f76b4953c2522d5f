// Texts of `firstdose screen`.
import type { MessageFragment } from './fragment.ts';

export const screenCliMessages: MessageFragment = {
  en: {
    'cli.screen.description': "screen one patient's FHIR R4 bundle against a protocol's criteria",
    'cli.screen.file': 'FHIR R4 Bundle (JSON) of one patient',
    'cli.screen.protocol': 'protocol id or file (default hn2301)',
    'cli.screen.as-of': 'screening date, YYYY-MM-DD (default today)',
    'cli.screen.code-tables': "a site's code tables (JSON) extending the default LOINC, SNOMED CT and ATC mappings",
    'cli.screen.heading': 'Protocol {{id}} ({{registry}}), version {{version}}: screening as of {{asOf}}',
    'cli.screen.eligible.yes': 'Eligible: yes, every criterion is met',
    'cli.screen.eligible.no': 'Eligible: no, at least one criterion is not met',
    'cli.screen.eligible.undetermined': 'Eligible: undetermined, no criterion fails but some cannot be decided yet',
    'cli.screen.exclusion': 'exclusion',
    'cli.screen.missing': 'needed: {{text}}',
  },
  'zh-CN': {
    'cli.screen.description': '按方案标准筛选一名患者的 FHIR R4 数据包',
    'cli.screen.file': '一名患者的 FHIR R4 Bundle（JSON）',
    'cli.screen.protocol': '方案编号或文件（默认 hn2301）',
    'cli.screen.as-of': '筛选日期，YYYY-MM-DD（默认今天）',
    'cli.screen.code-tables': '本中心的代码表（JSON），扩展默认的 LOINC、SNOMED CT 与 ATC 映射',
    'cli.screen.heading': '方案 {{id}}（{{registry}}），版本 {{version}}：筛选日期 {{asOf}}',
    'cli.screen.eligible.yes': '是否合格：是，所有标准均满足',
    'cli.screen.eligible.no': '是否合格：否，至少一项标准不满足',
    'cli.screen.eligible.undetermined': '是否合格：待定，没有不满足的标准，但部分标准尚无法判定',
    'cli.screen.exclusion': '排除标准',
    'cli.screen.missing': '需要：{{text}}',
  },
};
