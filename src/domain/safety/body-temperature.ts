/**
 * A measured body temperature outside this range is a data-entry error (60 °C, or °F typed into a
 * °C field), not a grade. The bounds guard input only; they are not clinical criteria.
 */
export const possibleTemperatureC = { minimum: 25, maximum: 45 } as const;
