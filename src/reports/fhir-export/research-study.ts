// The study as a FHIR R4 ResearchStudy (https://hl7.org/fhir/R4/researchstudy.html): its registry
// number and titles from the protocol, its sites as contained Locations (R4's site is a
// Reference(Location), and the sites have no life of their own in this export), and one arm per
// dose level, named by the level's label so ResearchSubject.assignedArm can point at it.
import type { Protocol } from '../../domain/protocol/index.ts';
import type { Site, Study } from '../../store/schema.ts';
import { fhirBase, fhirId, type Resource, System, zhTranslation } from './fhir-base.ts';

/** research-study-phase codes for the phase as protocols write it ("Phase 1", "N/A", "Phase 1/2"). */
export function phaseCode(phase: string): string | null {
  const p = phase.trim().toLowerCase().replace(/\s+/g, ' ');
  if (p === 'n/a' || p === 'na' || p === 'not applicable') return 'n-a';
  if (p === 'early phase 1' || p === 'phase 0') return 'early-phase-1';
  const m = /^phase (\d)(?:\s*\/\s*(?:phase )?(\d))?$/.exec(p);
  if (!m) return null;
  return m[2] ? `phase-${m[1]}-phase-${m[2]}` : `phase-${m[1]}`;
}

const locationId = (code: string) => fhirId(`site-${code}`);

function siteLocation(site: Site, protocol: Protocol): Resource {
  const spec = protocol.identity.sites.find((s) => s.id === site.code);
  return {
    resourceType: 'Location',
    id: locationId(site.code),
    status: spec?.status === 'closed' ? 'inactive' : 'active',
    name: spec?.name.en ?? site.name,
    ...(spec ? { _name: zhTranslation(spec.name['zh-CN']) } : {}),
    ...(spec ? { address: { city: spec.city, country: spec.country } } : {}),
  };
}

export function researchStudy(study: Study, protocol: Protocol, sites: readonly Site[]): Resource {
  const id = protocol.identity;
  const phase = phaseCode(id.phase);
  const recruiting = id.sites.some((s) => s.status !== 'closed');
  return {
    resourceType: 'ResearchStudy',
    id: fhirId(study.code),
    contained: sites.map((s) => siteLocation(s, protocol)),
    identifier: [
      { system: System.registry, value: id.registryId },
      { system: `${fhirBase}/sid/study`, value: study.code },
    ],
    title: id.title.en,
    _title: zhTranslation(id.title['zh-CN']),
    status: recruiting ? 'active' : 'closed-to-accrual',
    primaryPurposeType: { coding: [{ system: System.studyPurpose, code: 'treatment', display: 'Treatment' }] },
    phase: phase ? { coding: [{ system: System.studyPhase, code: phase }], text: id.phase } : { text: id.phase },
    condition: [{ text: id.indication.en }],
    sponsor: { display: id.sponsor },
    site: sites.map((s) => ({ reference: `#${locationId(s.code)}` })),
    arm: protocol.doseLevels.map((d) => ({
      name: d.label,
      type: { text: 'Experimental' },
      description: [d.description?.en ?? d.label, d.amount ? `${d.amount.value} ${d.amount.unit}` : null].filter(Boolean).join('; '),
    })),
  };
}
