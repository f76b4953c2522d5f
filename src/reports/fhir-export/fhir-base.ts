// The canonical addresses FirstDose's FHIR output uses, and the small types the mappers share.
// Resources are built as plain JSON (no FHIR type library): the tests check every one against
// the official FHIR R4 JSON Schema, which is the contract here.

/** The base of FirstDose's own canonical URLs (Questionnaires use it too: src/fhir/questionnaires). */
export const fhirBase = 'https://firstdose.dev/fhir';

/** A FHIR resource as JSON. */
export interface Resource {
  readonly resourceType: string;
  readonly id: string;
  readonly [element: string]: unknown;
}

export interface Coding {
  readonly system: string;
  readonly code: string;
  readonly display?: string;
}

export interface CodeableConcept {
  readonly coding?: readonly Coding[];
  readonly text?: string;
}

export const System = {
  loinc: 'http://loinc.org',
  ucum: 'http://unitsofmeasure.org',
  snomed: 'http://snomed.info/sct',
  nciThesaurus: 'http://ncicb.nci.nih.gov/xml/owl/EVS/Thesaurus.owl',
  observationCategory: 'http://terminology.hl7.org/CodeSystem/observation-category',
  interpretation: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation',
  aeSeriousness: 'http://terminology.hl7.org/CodeSystem/adverse-event-seriousness',
  aeSeverity: 'http://terminology.hl7.org/CodeSystem/adverse-event-severity',
  aeOutcome: 'http://terminology.hl7.org/CodeSystem/adverse-event-outcome',
  aeCausality: 'http://terminology.hl7.org/CodeSystem/adverse-event-causality-assess',
  studyPhase: 'http://terminology.hl7.org/CodeSystem/research-study-phase',
  studyPurpose: 'http://terminology.hl7.org/CodeSystem/research-study-prim-purp-type',
  securityIntegrity: 'http://terminology.hl7.org/CodeSystem/v3-ObservationValue',
  registry: 'https://clinicaltrials.gov',
  assessment: `${fhirBase}/CodeSystem/assessment`,
  sledai2k: `${fhirBase}/CodeSystem/sledai-2k`,
  localObservation: `${fhirBase}/CodeSystem/observation`,
  product: `${fhirBase}/CodeSystem/investigational-product`,
} as const;

export const Extension = {
  /** Core R4 extension "Associated Study" on event resources (R4 has no Observation.study). */
  researchStudy: 'http://hl7.org/fhir/StructureDefinition/workflow-researchStudy',
  /** HL7 Adverse Event Clinical Research R4 Backport IG: the grade, R4 having only mild/moderate/severe. */
  aeGrade: 'http://hl7.org/fhir/uv/ae-research-backport-ig/StructureDefinition/ae-grade',
  translation: 'http://hl7.org/fhir/StructureDefinition/translation',
  dlt: `${fhirBase}/StructureDefinition/dose-limiting-toxicity`,
} as const;

/** `Type/id`, the reference form that resolves in the Bundle (through fullUrl) and in NDJSON alike. */
export const ref = (type: string, id: string) => ({ reference: `${type}/${id}` });

/** A FHIR id ([A-Za-z0-9\-.]{1,64}) from any key: other characters become '-'. */
export const fhirId = (key: string) => key.replace(/[^A-Za-z0-9.-]/g, '-').slice(0, 64);

/** The id of a subject's Patient and ResearchSubject: study code and screening number, nothing else. */
export const pseudonym = (studyCode: string, screeningNumber: string) => fhirId(`${studyCode}-${screeningNumber}`);

/** The translation extension (as src/fhir/questionnaires uses) carrying the Chinese text of an element. */
export const zhTranslation = (text: string) => ({
  extension: [{ url: Extension.translation, extension: [{ url: 'lang', valueCode: 'zh-CN' }, { url: 'content', valueString: text }] }],
});

export const iso = (d: Date) => d.toISOString();
