// Explanation steps of the safety grading library (src/domain/safety): CTCAE v5.0, ASTCT CRS, ICANS.
import type { MessageFragment } from './fragment.ts';

export const safetyMessages: MessageFragment = {
  en: {
    'explain.ctcae.converted': '{{field}}: {{from}} {{fromUnit}} = {{to}} {{toUnit}}',
    'explain.ctcae.fixed-bound': '{{value}} {{unit}} {{comparator}} {{bound}} {{unit}}: grade {{grade}}',
    'explain.ctcae.lln': '{{value}} {{unit}} {{comparator}} LLN {{lln}} {{unit}}: grade {{grade}}',
    'explain.ctcae.uln-multiple':
      '{{value}} {{unit}} = {{ratio}} × ULN ({{uln}} {{unit}}), {{comparator}} {{factor}} × ULN: grade {{grade}}',
    'explain.ctcae.baseline-multiple':
      '{{value}} {{unit}} = {{ratio}} × baseline ({{baseline}} {{unit}}), {{comparator}} {{factor}} × baseline: grade {{grade}}',
    'explain.ctcae.baseline-absent': 'no baseline given: graded as baseline normal, by multiples of ULN',
    'explain.ctcae.baseline-normal': 'baseline {{baseline}} {{unit}} ≤ ULN {{uln}} {{unit}}: baseline normal, graded by multiples of ULN',
    'explain.ctcae.baseline-abnormal': 'baseline {{baseline}} {{unit}} > ULN {{uln}} {{unit}}: baseline abnormal, graded by multiples of baseline',
    'explain.ctcae.baseline-criteria-not-applied': 'no baseline given: the multiples-of-baseline criteria (grades 2 and 3) were not applied',
    'explain.ctcae.highest-criterion': 'highest grade met by the ULN and baseline criteria: grade {{grade}}',
    'explain.ctcae.clinical-grade-not-assessed':
      'grade {{grade}} needs clinical findings (life-threatening consequences; urgent intervention) and is not assigned from a value',
    'explain.ctcae.inr-anticoagulated': 'on anticoagulation: INR graded by multiples of baseline',
    'explain.ctcae.inr-baseline-ignored': 'not on anticoagulation: baseline not used, absolute INR bounds apply',
    'explain.ctcae.fever-duration': 'above 40.0 °C for {{hours}} h ({{comparator}} 24 h): grade {{grade}}',
    'explain.ctcae.fever-duration-unknown':
      'time above 40.0 °C not given: graded 3 (≤ 24 h); more than 24 h would be grade {{grade}}',
    'explain.crs.temperature-not-recorded': 'no temperature recorded: counted as no fever',
    'explain.crs.fever': 'fever: {{temperature}} °C ≥ {{threshold}} °C (grade 1)',
    'explain.crs.no-fever': 'no fever: {{temperature}} °C < {{threshold}} °C',
    'explain.crs.no-fever-no-treatment':
      'no fever and no antipyretic or anti-cytokine treatment: not CRS (grade 0), whatever the hypotension or hypoxia',
    'explain.crs.fever-not-required-after-treatment':
      'antipyretic or anti-cytokine treatment given: fever no longer required, the grade follows hypotension and hypoxia',
    'explain.crs.hypotension-fluids': 'hypotension not requiring vasopressors: grade {{grade}}',
    'explain.crs.hypotension-one-vasopressor': 'hypotension requiring one vasopressor (with or without vasopressin): grade {{grade}}',
    'explain.crs.hypotension-multiple-vasopressors':
      'hypotension requiring multiple vasopressors (excluding vasopressin): grade {{grade}}',
    'explain.crs.oxygen-low-flow': 'hypoxia requiring low-flow nasal cannula (≤ 6 L/min) or blow-by oxygen: grade {{grade}}',
    'explain.crs.oxygen-high-flow':
      'hypoxia requiring high-flow nasal cannula (> 6 L/min), facemask, non-rebreather or Venturi mask: grade {{grade}}',
    'explain.crs.oxygen-positive-pressure':
      'hypoxia requiring positive pressure (CPAP, BiPAP, intubation and mechanical ventilation): grade {{grade}}',
    'explain.crs.no-findings-after-treatment': 'after treatment, no fever, hypotension or hypoxia: grade {{grade}}',
    'explain.crs.most-severe': 'CRS grade {{grade}}: the most severe of fever, hypotension and hypoxia',
    'explain.icans.ice': 'ICE score {{ice}}: grade {{grade}}',
    'explain.icans.ice-not-assessed': 'ICE score not assessed: graded on the other domains only',
    'explain.icans.ice-not-possible-unarousable': 'unarousable: the ICE assessment cannot be performed',
    'explain.icans.consciousness-awake': 'awake, awakens spontaneously: grade {{grade}}',
    'explain.icans.consciousness-voice': 'awakens to voice: grade {{grade}}',
    'explain.icans.consciousness-tactile': 'awakens only to tactile stimulus: grade {{grade}}',
    'explain.icans.consciousness-unarousable':
      'unarousable or needs vigorous or repetitive tactile stimuli; stupor or coma: grade {{grade}}',
    'explain.icans.seizure-rapid':
      'clinical seizure that resolved rapidly, or non-convulsive EEG seizures resolving with intervention: grade {{grade}}',
    'explain.icans.seizure-prolonged':
      'life-threatening prolonged seizure (> 5 min) or repetitive seizures without return to baseline: grade {{grade}}',
    'explain.icans.motor-weakness': 'deep focal motor weakness (hemiparesis or paraparesis): grade {{grade}}',
    'explain.icans.edema-focal': 'focal or local oedema on neuroimaging: grade {{grade}}',
    'explain.icans.edema-diffuse':
      "diffuse cerebral oedema, decerebrate or decorticate posturing, CN VI palsy, papilloedema or Cushing's triad: grade {{grade}}",
    'explain.icans.most-severe': 'ICANS grade {{grade}}: the most severe domain',
  },
  'zh-CN': {
    'explain.ctcae.converted': '{{field}}：{{from}} {{fromUnit}} = {{to}} {{toUnit}}',
    'explain.ctcae.fixed-bound': '{{value}} {{unit}} {{comparator}} {{bound}} {{unit}}：{{grade}} 级',
    'explain.ctcae.lln': '{{value}} {{unit}} {{comparator}} 正常值下限（LLN）{{lln}} {{unit}}：{{grade}} 级',
    'explain.ctcae.uln-multiple':
      '{{value}} {{unit}} = {{ratio}} × ULN（{{uln}} {{unit}}），{{comparator}} {{factor}} × ULN：{{grade}} 级',
    'explain.ctcae.baseline-multiple':
      '{{value}} {{unit}} = {{ratio}} × 基线（{{baseline}} {{unit}}），{{comparator}} {{factor}} × 基线：{{grade}} 级',
    'explain.ctcae.baseline-absent': '未提供基线：按基线正常处理，以 ULN 的倍数分级',
    'explain.ctcae.baseline-normal': '基线 {{baseline}} {{unit}} ≤ ULN {{uln}} {{unit}}：基线正常，以 ULN 的倍数分级',
    'explain.ctcae.baseline-abnormal': '基线 {{baseline}} {{unit}} > ULN {{uln}} {{unit}}：基线异常，以基线的倍数分级',
    'explain.ctcae.baseline-criteria-not-applied': '未提供基线：未应用基线倍数标准（2 级和 3 级）',
    'explain.ctcae.highest-criterion': 'ULN 标准与基线标准中满足的最高分级：{{grade}} 级',
    'explain.ctcae.clinical-grade-not-assessed': '{{grade}} 级需依据临床表现（危及生命；需紧急干预），不能仅凭数值判定',
    'explain.ctcae.inr-anticoagulated': '正在抗凝治疗：INR 以基线的倍数分级',
    'explain.ctcae.inr-baseline-ignored': '未接受抗凝治疗：不使用基线，按 INR 绝对值界值分级',
    'explain.ctcae.fever-duration': '高于 40.0 °C 持续 {{hours}} 小时（{{comparator}} 24 小时）：{{grade}} 级',
    'explain.ctcae.fever-duration-unknown': '未提供高于 40.0 °C 的持续时间：按 3 级（≤ 24 小时）分级；超过 24 小时则为 {{grade}} 级',
    'explain.crs.temperature-not-recorded': '未记录体温：按无发热处理',
    'explain.crs.fever': '发热：{{temperature}} °C ≥ {{threshold}} °C（1 级）',
    'explain.crs.no-fever': '无发热：{{temperature}} °C < {{threshold}} °C',
    'explain.crs.no-fever-no-treatment': '无发热且未给予退热或抗细胞因子治疗：不属于 CRS（0 级），无论有无低血压或缺氧',
    'explain.crs.fever-not-required-after-treatment': '已给予退热或抗细胞因子治疗：不再要求发热，分级取决于低血压和缺氧',
    'explain.crs.hypotension-fluids': '低血压，无需血管活性药物：{{grade}} 级',
    'explain.crs.hypotension-one-vasopressor': '低血压，需一种血管活性药物（可联用或不联用血管加压素）：{{grade}} 级',
    'explain.crs.hypotension-multiple-vasopressors': '低血压，需多种血管活性药物（不含血管加压素）：{{grade}} 级',
    'explain.crs.oxygen-low-flow': '缺氧，需低流量鼻导管（≤ 6 L/min）或吹氧：{{grade}} 级',
    'explain.crs.oxygen-high-flow': '缺氧，需高流量鼻导管（> 6 L/min）、面罩、非重复呼吸面罩或文丘里面罩：{{grade}} 级',
    'explain.crs.oxygen-positive-pressure': '缺氧，需正压通气（CPAP、BiPAP、气管插管及机械通气）：{{grade}} 级',
    'explain.crs.no-findings-after-treatment': '治疗后无发热、低血压或缺氧：{{grade}} 级',
    'explain.crs.most-severe': 'CRS {{grade}} 级：取发热、低血压和缺氧中最严重者',
    'explain.icans.ice': 'ICE 评分 {{ice}}：{{grade}} 级',
    'explain.icans.ice-not-assessed': '未评估 ICE 评分：仅依据其他领域分级',
    'explain.icans.ice-not-possible-unarousable': '无法唤醒：无法进行 ICE 评估',
    'explain.icans.consciousness-awake': '清醒，可自发醒来：{{grade}} 级',
    'explain.icans.consciousness-voice': '声音刺激可唤醒：{{grade}} 级',
    'explain.icans.consciousness-tactile': '仅触觉刺激可唤醒：{{grade}} 级',
    'explain.icans.consciousness-unarousable': '无法唤醒，或需强烈或反复的触觉刺激才能唤醒；木僵或昏迷：{{grade}} 级',
    'explain.icans.seizure-rapid': '临床癫痫发作且迅速缓解，或脑电图非惊厥性发作经干预后缓解：{{grade}} 级',
    'explain.icans.seizure-prolonged': '危及生命的持续癫痫发作（> 5 分钟），或反复发作且发作间期未恢复至基线：{{grade}} 级',
    'explain.icans.motor-weakness': '深部局灶性运动无力（偏瘫或截瘫）：{{grade}} 级',
    'explain.icans.edema-focal': '神经影像示局灶性或局部水肿：{{grade}} 级',
    'explain.icans.edema-diffuse': '弥漫性脑水肿、去大脑或去皮层姿势、第 VI 对脑神经麻痹、视乳头水肿或库欣三联征：{{grade}} 级',
    'explain.icans.most-severe': 'ICANS {{grade}} 级：取各领域中最严重者',
  },
};
