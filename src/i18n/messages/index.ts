// Every message fragment, one line each. Add a module's fragment here (import and array entry).
import { cliMessages } from './cli.ts';
import { conductMessages } from './conduct.ts';
import { crmMessages } from './crm.ts';
import { designCliMessages } from './design-cli.ts';
import { eligibilityMessages } from './eligibility.ts';
import { escalationMessages } from './escalation.ts';
import { exportMessages } from './export.ts';
import { exportFhirOdmMessages } from './export-fhir-odm.ts';
import type { MessageFragment } from './fragment.ts';
import { issueMessages } from './issues.ts';
import { prescreenMessages } from './prescreen.ts';
import { reportMessages } from './report.ts';
import { responseMessages } from './responses.ts';
import { safetyMessages } from './safety.ts';
import { scoreMessages } from './scores.ts';
import { serverMessages } from './server.ts';
import { screenCliMessages } from './screen-cli.ts';
import { storeMessages } from './store.ts';
import { trialMessages } from './trial.ts';
import { trialCliMessages } from './trial-cli.ts';
import { xptMessages } from './xpt.ts';

export const fragments: readonly MessageFragment[] = [
  issueMessages,
  cliMessages,
  crmMessages,
  designCliMessages,
  scoreMessages,
  responseMessages,
  safetyMessages,
  escalationMessages,
  eligibilityMessages,
  screenCliMessages,
  prescreenMessages,
  storeMessages,
  conductMessages,
  trialMessages,
  trialCliMessages,
  xptMessages,
  exportMessages,
  exportFhirOdmMessages,
  serverMessages,
  reportMessages,
];
