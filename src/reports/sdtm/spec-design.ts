// The trial design datasets TS, TA, TE, TV and TI, from the protocol version(s). Variables are
// SDTMIG 3.4's, in its order.
import type { DomainSpec } from './model.ts';
import { char, identifiers, num } from './variables.ts';

const design = (name: string, label: string, structure: string, keys: string[], variables: DomainSpec['variables']): DomainSpec => ({
  name,
  domain: name,
  label,
  class: 'TRIAL DESIGN',
  structure,
  keys,
  variables: [...identifiers(name, false), ...variables],
});

export const ts = design('TS', 'Trial Summary', 'One record per trial summary parameter value', ['STUDYID', 'TSPARMCD', 'TSSEQ'], [
  num('TSSEQ', 'Sequence Number', 'Identifier', 'Req', 'Derived', { integer: true, method: 'SEQ' }),
  char('TSGRPID', 'Group ID', 'Identifier', 'Perm', 'Assigned'),
  char('TSPARMCD', 'Trial Summary Parameter Short Name', 'Topic', 'Req', 'Assigned', { codelist: 'TSPARMCD' }),
  char('TSPARM', 'Trial Summary Parameter', 'Synonym Qualifier', 'Req', 'Assigned', { codelist: 'TSPARM' }),
  char('TSVAL', 'Parameter Value', 'Result Qualifier', 'Exp', 'Protocol'),
  char('TSVALNF', 'Parameter Value Null Flavor', 'Result Qualifier', 'Perm', 'Assigned', { codelist: 'ISO21090' }),
  char('TSVALCD', 'Parameter Value Code', 'Result Qualifier', 'Exp', 'Assigned'),
  char('TSVCDREF', 'Name of the Reference Terminology', 'Result Qualifier', 'Exp', 'Assigned'),
  char('TSVCDVER', 'Version of the Reference Terminology', 'Result Qualifier', 'Exp', 'Assigned'),
]);

export const ta = design('TA', 'Trial Arms', 'One record per planned Element per Arm', ['STUDYID', 'ARMCD', 'TAETORD'], [
  char('ARMCD', 'Planned Arm Code', 'Topic', 'Req', 'Protocol', { codelist: 'ARMCD' }),
  char('ARM', 'Description of Planned Arm', 'Synonym Qualifier', 'Req', 'Protocol', { codelist: 'ARM' }),
  num('TAETORD', 'Planned Order of Element within Arm', 'Timing', 'Req', 'Protocol', { integer: true }),
  char('ETCD', 'Element Code', 'Record Qualifier', 'Req', 'Protocol', { codelist: 'ETCD' }),
  char('ELEMENT', 'Description of Element', 'Synonym Qualifier', 'Perm', 'Protocol'),
  char('TABRANCH', 'Branch', 'Rule', 'Exp', 'Protocol'),
  char('TATRANS', 'Transition Rule', 'Rule', 'Exp', 'Protocol'),
  char('EPOCH', 'Epoch', 'Timing', 'Req', 'Protocol', { codelist: 'EPOCH' }),
]);

export const te = design('TE', 'Trial Elements', 'One record per planned Element', ['STUDYID', 'ETCD'], [
  char('ETCD', 'Element Code', 'Topic', 'Req', 'Protocol', { codelist: 'ETCD' }),
  char('ELEMENT', 'Description of Element', 'Synonym Qualifier', 'Req', 'Protocol'),
  char('TESTRL', 'Rule for Start of Element', 'Rule', 'Req', 'Protocol'),
  char('TEENRL', 'Rule for End of Element', 'Rule', 'Perm', 'Protocol'),
  char('TEDUR', 'Planned Duration of Element', 'Timing', 'Perm', 'Protocol', { iso8601: true }),
]);

export const tv = design('TV', 'Trial Visits', 'One record per planned Visit per Arm', ['STUDYID', 'VISITNUM', 'ARMCD'], [
  num('VISITNUM', 'Visit Number', 'Topic', 'Req', 'Protocol'),
  char('VISIT', 'Visit Name', 'Synonym Qualifier', 'Req', 'Protocol'),
  num('VISITDY', 'Planned Study Day of Visit', 'Timing', 'Perm', 'Derived', { integer: true, method: 'VISITDY' }),
  char('ARMCD', 'Planned Arm Code', 'Record Qualifier', 'Exp', 'Protocol', { codelist: 'ARMCD' }),
  char('TVSTRL', 'Visit Start Rule', 'Rule', 'Req', 'Protocol'),
  char('TVENRL', 'Visit End Rule', 'Rule', 'Perm', 'Protocol'),
]);

export const ti = design('TI', 'Trial Inclusion/Exclusion Criteria', 'One record per I/E criterion', ['STUDYID', 'IETESTCD', 'TIVERS'], [
  char('IETESTCD', 'Incl/Excl Criterion Short Name', 'Topic', 'Req', 'Protocol', { codelist: 'IETESTCD' }),
  char('IETEST', 'Inclusion/Exclusion Criterion', 'Synonym Qualifier', 'Req', 'Protocol'),
  char('IECAT', 'Inclusion/Exclusion Category', 'Grouping Qualifier', 'Req', 'Protocol', { codelist: 'IECAT' }),
  char('TIVERS', 'Protocol Criteria Versions', 'Record Qualifier', 'Perm', 'Protocol'),
]);
