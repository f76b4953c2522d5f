// Checks of a protocol's rules that the rule schema alone cannot make, so that a protocol file that
// validates also evaluates: every `switch` node names a declared switch, has a case for the value in
// force, and no case for an option the switch does not offer (a typo would otherwise be dead); every
// unit a `lab` rule converts to is in the unit table; `each-measured` can reach its minimum. (Site
// ranges may use units outside the table, e.g. anti-dsDNA IU/mL: they are then used only for
// results reported in the same unit.)
import type { Rule } from '../eligibility/rules.ts';
import { issue, type Issue, type IssuePath } from '../result.ts';
import { findUnit } from '../units/index.ts';

interface SwitchLike {
  readonly options: readonly string[];
  readonly default: string;
  readonly value?: string | undefined;
}

interface ProtocolLike {
  readonly switches: Readonly<Record<string, SwitchLike>>;
  readonly criteria: ReadonlyArray<{ readonly rule: Rule }>;
}

/** Visits every node of a rule tree with its path. */
export function walkRule(rule: Rule, path: IssuePath, visit: (node: Rule, path: IssuePath) => void): void {
  visit(rule, path);
  switch (rule.type) {
    case 'all':
    case 'any':
    case 'each-measured':
      rule.of.forEach((r, i) => {
        walkRule(r, [...path, 'of', i], visit);
      });
      return;
    case 'not':
      walkRule(rule.rule, [...path, 'rule'], visit);
      return;
    case 'switch':
      for (const [name, r] of Object.entries(rule.cases)) walkRule(r, [...path, 'cases', name], visit);
      return;
    default:
      return;
  }
}

function checkNode(p: ProtocolLike, node: Rule, path: IssuePath): Issue[] {
  if (node.type === 'lab' && !findUnit(node.unit)) return [issue([...path, 'unit'], 'unknown_unit', { unit: node.unit })];
  if (node.type === 'each-measured' && (node.minMeasured ?? 1) > node.of.length)
    return [issue([...path, 'minMeasured'], 'too_big', { maximum: node.of.length, inclusive: true })];
  if (node.type !== 'switch') return [];
  const declared = p.switches[node.name];
  if (!declared) return [issue([...path, 'name'], 'unknown_switch', { value: node.name, allowed: Object.keys(p.switches) })];
  const out: Issue[] = [];
  for (const name of Object.keys(node.cases))
    if (!declared.options.includes(name)) out.push(issue([...path, 'cases', name], 'invalid_choice', { value: name, allowed: [...declared.options] }));
  const inForce = declared.value ?? declared.default;
  if (!Object.hasOwn(node.cases, inForce)) out.push(issue([...path, 'cases'], 'switch_case_missing', { switch: node.name, value: inForce }));
  return out;
}

export function ruleIssues(p: ProtocolLike): Issue[] {
  const out: Issue[] = [];
  p.criteria.forEach((c, i) => {
    walkRule(c.rule, ['criteria', i, 'rule'], (node, path) => {
      out.push(...checkNode(p, node, path));
    });
  });
  return out;
}
