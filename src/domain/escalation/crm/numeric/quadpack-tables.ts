// The two bookkeeping routines of R's integrate(), transcribed from src/appl/integrate.c:
// rdqpsrt (keeps the subintervals ordered by error estimate) and rdqelg (Wynn's epsilon algorithm,
// which extrapolates the sequence of partial sums). Arrays are 1-based as in the C code (index 0
// unused), which keeps every index expression identical to the source.

const EPMACH = 2.220446049250313e-16;
const OFLOW = Number.MAX_VALUE;

/** The driver's state that rdqpsrt reads and writes. */
export interface ErrorOrder {
  maxerr: number;
  errmax: number;
  nrmax: number;
}

/**
 * rdqpsrt: after a bisection, inserts the two new error estimates (elist[maxerr], elist[last])
 * into the descending order kept in iord, then points maxerr at the nrmax-th largest.
 */
export function qpsrt(limit: number, last: number, elist: Float64Array, iord: Int32Array, st: ErrorOrder): void {
  if (last <= 2) {
    iord[1] = 1;
    iord[2] = 2;
  } else {
    const errmax = elist[st.maxerr]!;
    if (st.nrmax > 1) {
      const ido = st.nrmax - 1;
      for (let i = 1; i <= ido; i++) {
        const isucc = iord[st.nrmax - 1]!;
        if (errmax <= elist[isucc]!) break;
        iord[st.nrmax] = isucc;
        st.nrmax--;
      }
    }
    const jupbn = last > Math.trunc(limit / 2) + 2 ? limit + 3 - last : last;
    const errmin = elist[last]!;
    const jbnd = jupbn - 1;
    let placed = false;
    for (let i = st.nrmax + 1; i <= jbnd && !placed; i++) {
      const isucc = iord[i]!;
      if (errmax >= elist[isucc]!) {
        // insert errmax here, then errmin by traversing the list bottom-up
        iord[i - 1] = st.maxerr;
        let k = jbnd;
        for (let j = i; j <= jbnd; j++, k--) {
          const below = iord[k]!;
          if (errmin < elist[below]!) {
            iord[k + 1] = last;
            placed = true;
            break;
          }
          iord[k + 1] = below;
        }
        if (!placed) iord[i] = last;
        placed = true;
      } else {
        iord[i - 1] = isucc;
      }
    }
    if (!placed) {
      iord[jbnd] = st.maxerr;
      iord[jupbn] = last;
    }
  }
  st.maxerr = iord[st.nrmax]!;
  st.errmax = elist[st.maxerr]!;
}

/** rdqelg's state kept by the driver between calls: the table length n and the call count nres. */
export interface EpsilonTable {
  n: number;
  nres: number;
  /** 1-based, 52 + 2 slots (limexp + 2, plus the unused 0). */
  readonly epstab: Float64Array;
  /** 1-based, the last three results. */
  readonly res3la: Float64Array;
}

export const newEpsilonTable = (): EpsilonTable => ({
  n: 0,
  nres: 0,
  epstab: new Float64Array(54),
  res3la: new Float64Array(4),
});

/** rdqelg: extrapolates epstab[1..n] and returns [result, abserr]. */
export function qelg(t: EpsilonTable, out: Float64Array): void {
  const { epstab, res3la } = t;
  t.nres++;
  let abserr = OFLOW;
  let result = epstab[t.n]!;
  if (t.n >= 3) {
    const limexp = 50;
    epstab[t.n + 2] = epstab[t.n]!;
    const newelm = Math.trunc((t.n - 1) / 2);
    epstab[t.n] = OFLOW;
    const num = t.n;
    let k1 = t.n;
    let converged = false;
    for (let i = 1; i <= newelm; i++) {
      const k2 = k1 - 1;
      const k3 = k1 - 2;
      let res = epstab[k1 + 2]!;
      const e0 = epstab[k3]!;
      const e1 = epstab[k2]!;
      const e2 = res;
      const e1abs = Math.abs(e1);
      const delta2 = e2 - e1;
      const err2 = Math.abs(delta2);
      const tol2 = Math.max(Math.abs(e2), e1abs) * EPMACH;
      const delta3 = e1 - e0;
      const err3 = Math.abs(delta3);
      const tol3 = Math.max(e1abs, Math.abs(e0)) * EPMACH;
      if (err2 <= tol2 && err3 <= tol3) {
        // e0, e1 and e2 are equal to within machine accuracy: convergence is assumed
        result = res;
        abserr = err2 + err3;
        converged = true;
        break;
      }
      const e3 = epstab[k1]!;
      epstab[k1] = e1;
      const delta1 = e1 - e3;
      const err1 = Math.abs(delta1);
      const tol1 = Math.max(e1abs, Math.abs(e3)) * EPMACH;
      let ss = 0;
      let irregular = true;
      if (err1 > tol1 && err2 > tol2 && err3 > tol3) {
        ss = 1 / delta1 + 1 / delta2 - 1 / delta3;
        irregular = Math.abs(ss * e1) <= 1e-4;
      }
      if (irregular) {
        // two elements are very close, or the table behaves irregularly: omit a part of it
        t.n = i + i - 1;
        break;
      }
      res = e1 + 1 / ss;
      epstab[k1] = res;
      k1 -= 2;
      const errA = err2 + Math.abs(res - e2) + err3;
      if (errA <= abserr) {
        abserr = errA;
        result = res;
      }
    }
    if (!converged) {
      // shift the table
      if (t.n === limexp) t.n = 2 * Math.trunc(limexp / 2) - 1;
      let ib = 2 * Math.trunc(num / 2) === num ? 2 : 1;
      const ie = newelm + 1;
      for (let i = 1; i <= ie; i++) {
        const ib2 = ib + 2;
        epstab[ib] = epstab[ib2]!;
        ib = ib2;
      }
      if (num !== t.n) {
        let indx = num - t.n + 1;
        for (let i = 1; i <= t.n; i++) {
          epstab[i] = epstab[indx]!;
          indx++;
        }
      }
      if (t.nres >= 4) {
        abserr = Math.abs(result - res3la[3]!) + Math.abs(result - res3la[2]!) + Math.abs(result - res3la[1]!);
        res3la[1] = res3la[2]!;
        res3la[2] = res3la[3]!;
        res3la[3] = result;
      } else {
        res3la[t.nres] = result;
        abserr = OFLOW;
      }
    }
  }
  out[0] = result;
  out[1] = Math.max(abserr, EPMACH * 5 * Math.abs(result));
}
