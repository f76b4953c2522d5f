// Texts of the trial service's own refusals (src/store/trial): records that are not there, steps
// in the wrong state, reasons that are required. The conduct rules' refusals are in conduct.ts.
import type { MessageFragment } from './fragment.ts';

export const trialMessages: MessageFragment = {
  en: {
    'issue.study_not_found': 'no study {{study}} in this database (load one with firstdose demo, or register its protocol)',
    'issue.protocol_mismatch': 'this protocol is {{protocol}}, the study is {{study}}',
    'issue.protocol_version_exists': 'protocol version {{version}} is already registered: an amendment needs a new version',
    'issue.site_not_found': 'no site {{site}} in this study',
    'issue.subject_not_found': 'no subject {{subject}} in this study',
    'issue.reason_required': '{{field}}: a reason is required for this change',
    'issue.observation_not_found': 'no observation {{observation}} for this subject',
    'issue.not_proposed': 'observation {{observation}} is {{status}}, not a proposal: only proposed values are accepted or rejected',
    'issue.observation_not_final': 'observation {{observation}} is {{status}}: only entered or accepted values are graded',
    'issue.not_gradable': 'a {{code}} value has no CTCAE term FirstDose grades: enter the grade',
    'issue.basis_mismatch': 'a {{grading}} event cannot be graded from {{basis}}',
    'issue.grade_zero': '{{term}}: the value is grade 0 by the criteria, not an adverse event; enter a grade with a reason if it is one',
    'issue.adverse_event_not_found': 'no adverse event {{event}}',
    'issue.decision_override_reason_required': 'the design recommends {{recommended}}; deciding {{decided}} needs a reason',
    'issue.query_not_found': 'no query {{query}}',
    'issue.visit_not_found': 'no visit {{visit}} for this subject',
    'issue.visit_not_scheduled': 'visit {{visit}} is {{status}} already',
  },
  'zh-CN': {
    'issue.study_not_found': '数据库中没有研究 {{study}}（可用 firstdose demo 载入，或登记其方案）',
    'issue.protocol_mismatch': '此方案为 {{protocol}}，研究为 {{study}}',
    'issue.protocol_version_exists': '方案版本 {{version}} 已登记：修订须使用新版本号',
    'issue.site_not_found': '本研究中没有中心 {{site}}',
    'issue.subject_not_found': '本研究中没有受试者 {{subject}}',
    'issue.reason_required': '{{field}}：此项修改须填写原因',
    'issue.observation_not_found': '该受试者没有观察记录 {{observation}}',
    'issue.not_proposed': '观察记录 {{observation}} 的状态为 {{status}}，不是待确认值：只有待确认值可以接受或拒绝',
    'issue.observation_not_final': '观察记录 {{observation}} 的状态为 {{status}}：只对已录入或已接受的值分级',
    'issue.not_gradable': '{{code}} 值没有 FirstDose 可分级的 CTCAE 术语：请录入分级',
    'issue.basis_mismatch': '{{grading}} 事件不能依据 {{basis}} 分级',
    'issue.grade_zero': '{{term}}：按标准该值为 0 级，不构成不良事件；如确为不良事件，请录入分级并说明原因',
    'issue.adverse_event_not_found': '没有不良事件 {{event}}',
    'issue.decision_override_reason_required': '设计推荐 {{recommended}}；决定 {{decided}} 须填写原因',
    'issue.query_not_found': '没有质疑 {{query}}',
    'issue.visit_not_found': '该受试者没有访视 {{visit}}',
    'issue.visit_not_scheduled': '访视 {{visit}} 已是 {{status}} 状态',
  },
};
