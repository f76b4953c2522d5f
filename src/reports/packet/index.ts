// The safety committee's packet: the data (packetData, read from the store), its model, and the
// PDF. The charts the packet draws are in src/reports/charts.
export { aeByGrade } from './ae-summary.ts';
export { packetData } from './data.ts';
export { consortFlow } from './flow.ts';
export { labPanel, labSeries, labSummary } from './lab-series.ts';
export {
  type AeGradeRow,
  type CohortSummary,
  type ConsortFlow,
  type DltOutcome,
  dosedSubjects,
  type LabSeries,
  type OcScenario,
  type PacketAdverseEvent,
  type PacketDesign,
  type PacketDoseLevel,
  type PacketModel,
  type PacketRecommendation,
  type PacketSubject,
  type PacketVisit,
} from './model.ts';
export { defaultTarget, ocScenarios, packetOc } from './oc-scenarios.ts';
export { debianCjkFont, FontMissing, type PacketFonts, packetFonts } from './pdf/font.ts';
export { type PacketPdf, packetPdf } from './pdf/packet-pdf.ts';
