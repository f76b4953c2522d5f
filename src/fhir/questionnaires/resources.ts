// The published Questionnaire resources (FHIR R4 JSON beside this file), for a server to serve at
// their canonical URLs or a site to load into its own FHIR server.
import { readFileSync } from 'node:fs';
import type { QuestionnaireId } from '../../domain/eligibility/patient-record.ts';

export function questionnaireResource(id: QuestionnaireId): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`./${id}.json`, import.meta.url), 'utf8')) as Record<string, unknown>;
}
