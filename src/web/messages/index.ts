// Every message fragment of the web app (keys start with `web.`); the shared catalogue of
// src/i18n supplies the rest (eligibility reasons, conduct rules, explanations, roles).
import type { MessageFragment } from '../../i18n/messages/fragment.ts';
import { commonMessages } from './common.ts';
import { committeeMessages } from './committee.ts';
import { dashboardMessages } from './dashboard.ts';
import { publicMessages } from './public.ts';
import { scoreNameMessages } from './scores.ts';
import { screeningMessages } from './screening.ts';
import { subjectMessages } from './subject.ts';

export const webFragments: readonly MessageFragment[] = [
  commonMessages,
  screeningMessages,
  scoreNameMessages,
  subjectMessages,
  committeeMessages,
  dashboardMessages,
  publicMessages,
];
