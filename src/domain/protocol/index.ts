// A study protocol as data: its schema, switches (the protocol's ambiguities with their defaults),
// and the checks that make a valid protocol evaluable.
export { ruleIssues, walkRule } from './check-rules.ts';
export {
  Criterion,
  DoseLevel,
  EscalationDesignSpec,
  Localised,
  Protocol,
  type ProtocolInput,
  ReferenceRange,
  Sentinel,
  Site,
  Switch,
  switchValue,
  Visit,
} from './schema.ts';
