// Explanation steps of the scoring library (src/domain/scores).
import type { MessageFragment } from './fragment.ts';

export const scoreMessages: MessageFragment = {
  en: {
    'explain.sledai2k.item': '+{{weight}} {{code}}',
    'explain.sledai2k.serologic-item': '+{{weight}} {{code}} (serologic: not in the clinical score)',
    'explain.sledai2k.total': 'total {{total}} = clinical {{clinical}} + serologic {{serologic}}',
    'explain.eular-acr.entry-met': 'entry criterion met: ANA ≥ 1:80 at least once (ANA {{ana}})',
    'explain.eular-acr.entry-not-met': 'entry criterion not met (ANA {{ana}}): not classified, whatever the points',
    'explain.eular-acr.domain': '{{domain}}: {{criterion}} counts {{points}}',
    'explain.eular-acr.superseded': '{{domain}}: {{criterion}} ({{points}}) not counted, a higher criterion of the domain counts',
    'explain.eular-acr.clinical-present': 'at least one clinical criterion is present',
    'explain.eular-acr.clinical-absent': 'no clinical criterion: not classified, whatever the points',
    'explain.eular-acr.classified': '{{points}} points ≥ {{threshold}}: classified as SLE',
    'explain.eular-acr.not-classified': '{{points}} points (classification needs ≥ {{threshold}}, the entry criterion and a clinical criterion)',
    'explain.crcl.formula':
      '(140 − {{age}}) × {{weightKg}} kg ({{weight}} weight) ÷ (72 × {{creatinineMgPerDl}} mg/dL) × {{sexFactor}} = {{mlPerMin}} mL/min',
    'explain.prednisone-equivalent.formula':
      '{{doseMg}} mg {{drug}} × {{timesPerDay}}/day × 5 mg ÷ {{equivalentMg}} mg = {{mgPerDay}} mg/day prednisone',
  },
  'zh-CN': {
    'explain.sledai2k.item': '+{{weight}} {{code}}',
    'explain.sledai2k.serologic-item': '+{{weight}} {{code}}（血清学项目：不计入临床评分）',
    'explain.sledai2k.total': '总分 {{total}} = 临床 {{clinical}} + 血清学 {{serologic}}',
    'explain.eular-acr.entry-met': '满足入选标准：ANA 至少一次 ≥ 1:80（ANA {{ana}}）',
    'explain.eular-acr.entry-not-met': '不满足入选标准（ANA {{ana}}）：无论得分多少均不分类',
    'explain.eular-acr.domain': '{{domain}}：{{criterion}} 计 {{points}} 分',
    'explain.eular-acr.superseded': '{{domain}}：{{criterion}}（{{points}} 分）不计分，该领域计更高的标准',
    'explain.eular-acr.clinical-present': '至少存在一项临床标准',
    'explain.eular-acr.clinical-absent': '无临床标准：无论得分多少均不分类',
    'explain.eular-acr.classified': '{{points}} 分 ≥ {{threshold}}：分类为系统性红斑狼疮',
    'explain.eular-acr.not-classified': '{{points}} 分（分类需 ≥ {{threshold}} 分、满足入选标准且有一项临床标准）',
    'explain.crcl.formula':
      '(140 − {{age}}) × {{weightKg}} kg（{{weight}} 体重）÷ (72 × {{creatinineMgPerDl}} mg/dL) × {{sexFactor}} = {{mlPerMin}} mL/min',
    'explain.prednisone-equivalent.formula':
      '{{doseMg}} mg {{drug}} × {{timesPerDay}} 次/天 × 5 mg ÷ {{equivalentMg}} mg = {{mgPerDay}} mg/天 泼尼松',
  },
};
