// dfcrm's integrands and log-likelihoods (R/dfcrm.R: crmh, crmht, crmht2, crmhlgt, crmhtlgt,
// crmht2lgt, lcrm, lcrmlgt), written with the same operations in the same order, patient by
// patient, so that R's integrate() and optimize() see the same numbers. Weights w_i (TITE-CRM)
// are 1 here, and 1·p = p exactly, so they are left out.
//
//   posterior kernel  a^m · exp(−a²/2/s²) · Π_i p_i(a)^y_i · (1 − p_i(a))^(1−y_i),  m = 0, 1, 2
//
// The prior's normalising constant cancels in every ratio dfcrm takes.
import type { Integrand } from './numeric/quadpack-rules.ts';
import { CrmModel } from './crm-spec.ts';
import type { CrmCurve } from './crm-curve.ts';

/** The likelihood's inputs per patient: dfcrm's x1p (scaled dose) and y1p (outcome). */
export interface PatientTerms {
  readonly x: Float64Array;
  readonly y: Uint8Array;
}

export function patientTerms(curve: CrmCurve, dose: Int32Array, tox: Uint8Array): PatientTerms {
  return { x: Float64Array.from(dose, (d) => curve.dosescaled[d]!), y: tox };
}

/** crmh (m = 0), crmht (m = 1), crmht2 (m = 2) and their logistic twins, for prior sd `scale`. */
export function posteriorKernel(curve: CrmCurve, terms: PatientTerms, scale: number, moment: 0 | 1 | 2): Integrand {
  const { x, y } = terms;
  const s2 = scale * scale; // R: s^2 is s*s
  const m = x.length;
  if (curve.model === CrmModel.Empiric) {
    return (a) => {
      const g = Math.exp(-(a * a) / 2 / s2);
      let v = moment === 0 ? g : moment === 1 ? a * g : a * a * g;
      for (let i = 0; i < m; i++) {
        const p = x[i]! ** Math.exp(a);
        // ((x^exp(a))^y) * ((1 - x^exp(a))^(1-y)): one factor is p or 1 - p, the other 1
        v = y[i] ? v * p : v * (1 - p);
      }
      return v;
    };
  }
  const alp0 = curve.intercept;
  return (a) => {
    const g = Math.exp(-(a * a) / 2 / s2);
    let v = moment === 0 ? g : moment === 1 ? a * g : a * a * g;
    for (let i = 0; i < m; i++) {
      const psi = 1 / (1 + Math.exp(-alp0 - Math.exp(a) * x[i]!)); // (1 + exp(-alp0-exp(a)*x))^{-1}
      v = y[i] ? v * psi : v * (1 - psi);
    }
    return v;
  };
}

/** lcrm / lcrmlgt: the log-likelihood that dfcrm's MLE maximises. */
export function logLikelihood(curve: CrmCurve, terms: PatientTerms): (a: number) => number {
  const { x, y } = terms;
  const m = x.length;
  if (curve.model === CrmModel.Empiric) {
    return (a) => {
      let v = 0;
      for (let i = 0; i < m; i++) v = v + y[i]! * Math.log(x[i]!) * Math.exp(a) + (1 - y[i]!) * Math.log(1 - x[i]! ** Math.exp(a));
      return v;
    };
  }
  const alp0 = curve.intercept;
  return (a) => {
    let v = 0;
    for (let i = 0; i < m; i++) {
      const psi = 1 / (1 + Math.exp(-alp0 - Math.exp(a) * x[i]!));
      v = v + y[i]! * Math.log(psi) + (1 - y[i]!) * Math.log(1 - psi);
    }
    return v;
  };
}
