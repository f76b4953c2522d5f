// The day number of a ClinicalDate (eligibility's dayNumber), remembering the last one: the facts
// of one resource, and the results of one panel, share their date.
import { dayNumber } from '../domain/eligibility/dates.ts';

let lastDate = '';
let lastDay = 0;

export function fastDay(date: string): number {
  // The facts of one resource, and the results of one panel, share their date.
  if (date === lastDate) return lastDay;
  lastDay = dayNumber(date);
  lastDate = date;
  return lastDay;
}
