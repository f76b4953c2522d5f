// The day number of a ClinicalDate: eligibility's own dayNumber, which remembers the last date it
// read (the facts of one resource, and the results of one panel, share their date). It used to keep
// a second memo here, which answered 0 for '' before any other date had been read.
import { dayNumber } from '../domain/eligibility/dates.ts';

export const fastDay = dayNumber;
