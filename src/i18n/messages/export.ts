// Texts of `firstdose export` (sdtm; fhir and odm add theirs here).
import type { MessageFragment } from './fragment.ts';

export const exportMessages: MessageFragment = {
  en: {
    'cli.export.description': 'the trial\'s data in standard forms: CDISC SDTM, FHIR R4, CDISC ODM 1.3.2',
    'cli.export.sdtm.description': 'CDISC SDTM (SDTMIG 3.4) datasets, one file per domain, with define.xml 2.1',
    'cli.export.option.out-dir': 'directory to write the files into (created when needed)',
    'cli.export.option.format': 'file format: {{choices}} (default xpt)',
    'cli.export.option.as-of': 'data cut-off date, YYYY-MM-DD (default: today at the site)',
    'cli.export.sdtm.records': '{{count}} records',
    'cli.export.sdtm.done': '{{count}} files written to {{out}}',
    'cli.export.sdtm.xpt-refused': 'the XPT files cannot be written ({{detail}}): SAS XPORT v5 holds at most 200 bytes per text value; export with --format csv or json',
    'cli.export.note.not_in_codelist': 'note: {{value}} is not a term of codelist {{codelist}}',
    'cli.export.note.unknown_test': 'note: {{domain}} test {{code}} has no CDISC test code in FirstDose\'s table; exported under its own name',
    'cli.export.note.unit_not_converted': 'note: {{domain}} {{test}} in {{unit}} could not be converted to the standard unit; kept as recorded',
    'cli.export.note.non_ascii': 'note: {{dataset}}.{{variable}} has text outside ASCII (e.g. Chinese); translate it before an XPT submission',
  },
  'zh-CN': {
    'cli.export.description': '以标准格式导出试验数据：CDISC SDTM、FHIR R4、CDISC ODM 1.3.2',
    'cli.export.sdtm.description': 'CDISC SDTM（SDTMIG 3.4）数据集，每个域一个文件，附 define.xml 2.1',
    'cli.export.option.out-dir': '写入文件的目录（不存在时创建）',
    'cli.export.option.format': '文件格式：{{choices}}（默认 xpt）',
    'cli.export.option.as-of': '数据截止日期，YYYY-MM-DD（默认：研究中心的今天）',
    'cli.export.sdtm.records': '{{count}} 条记录',
    'cli.export.sdtm.done': '已将 {{count}} 个文件写入 {{out}}',
    'cli.export.sdtm.xpt-refused': '无法写出 XPT 文件（{{detail}}）：SAS XPORT v5 每个文本值最多 200 字节；请改用 --format csv 或 json 导出',
    'cli.export.note.not_in_codelist': '注意：{{value}} 不是代码表 {{codelist}} 中的术语',
    'cli.export.note.unknown_test': '注意：{{domain}} 检测项目 {{code}} 在 FirstDose 的对照表中没有 CDISC 检测代码，以其原名导出',
    'cli.export.note.unit_not_converted': '注意：{{domain}} {{test}} 的单位 {{unit}} 无法换算为标准单位，按原样保留',
    'cli.export.note.non_ascii': '注意：{{dataset}}.{{variable}} 含 ASCII 以外的文字（如中文）；提交 XPT 前请翻译',
  },
};
