import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { concept, LOINC, observation, onlyFact, quantity } from './test-support.ts';

// US Core pulse oximetry: components 3150-0 (inhaled O2 concentration) and 3151-8 (flow rate).
const component = (code: string, value: Record<string, unknown>) => ({ code: concept(LOINC, code), ...value });
const roomAir = (components?: unknown[]) =>
  (onlyFact(observation('59408-5', { valueQuantity: quantity(95, '%'), ...(components ? { component: components } : {}) })) as { onRoomAir?: boolean }).onRoomAir;

describe('SpO2 on room air', () => {
  it('is room air with no inspired-oxygen component', () => {
    assert.equal(roomAir(), true);
    assert.equal(roomAir([component('8480-6', { valueQuantity: quantity(120, 'mm[Hg]') })]), true);
  });

  it('is room air at FiO2 21 % (20.9 % is the same air), supplemental at any other FiO2', () => {
    assert.equal(roomAir([component('3150-0', { valueQuantity: quantity(21, '%') })]), true);
    assert.equal(roomAir([component('3150-0', { valueQuantity: quantity(20.9, '%') })]), true);
    assert.equal(roomAir([component('3150-0', { valueQuantity: quantity(28, '%') })]), false);
    assert.equal(roomAir([component('3150-0', { valueQuantity: quantity(100, '%') })]), false);
  });

  it('reads the LOINC answer LA11849-9 "Room air" and other delivery answers', () => {
    assert.equal(roomAir([component('3150-0', { valueCodeableConcept: concept(LOINC, 'LA11849-9') })]), true);
    // LA11850-7 is another answer of LL738-6 (a delivery device): supplemental oxygen.
    assert.equal(roomAir([component('3150-0', { valueCodeableConcept: concept(LOINC, 'LA11850-7') })]), false);
  });

  it('reads the flow rate 3151-8: 0 is room air, any flow is supplemental', () => {
    assert.equal(roomAir([component('3151-8', { valueQuantity: quantity(0, 'L/min') })]), true);
    assert.equal(roomAir([component('3151-8', { valueQuantity: quantity(2, 'L/min') })]), false);
    assert.equal(roomAir([component('3150-0', { valueQuantity: quantity(21, '%') }), component('3151-8', { valueQuantity: quantity(2, 'L/min') })]), false);
  });

  it('leaves the question open when the component cannot be read', () => {
    assert.equal(roomAir([component('3150-0', { valueQuantity: quantity(0.21, '1') })]), undefined);
    assert.equal(roomAir([component('3150-0', { dataAbsentReason: concept('http://terminology.hl7.org/CodeSystem/data-absent-reason', 'unknown') })]), undefined);
  });

  it('does not add onRoomAir to other features', () => {
    const fact = onlyFact(observation('718-7', { valueQuantity: quantity(9, 'g/dL'), component: [component('3150-0', { valueQuantity: quantity(40, '%') })] }));
    assert.equal((fact as { onRoomAir?: boolean }).onRoomAir, undefined);
  });
});
