export { convert, parseUnit, type Quantity, QuantitySchema, sameUnit, tidy, valueIn } from './quantity.ts';
export { Analyte, Dimension, findUnit, micromolPerLitrePerMgPerDl, type UnitDefinition, units } from './unit-table.ts';
