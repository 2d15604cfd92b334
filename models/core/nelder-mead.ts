/**
 * Derivative-free minimisation by the Nelder–Mead simplex method with the standard coefficients
 * (reflection 1, expansion 2, contraction 0.5, shrink 0.5), as R's `optim(method = "Nelder-Mead")`
 * which `forecast::ets` uses. Infeasible points are signalled by the objective returning
 * `Infinity` (the method then treats them as worst).
 * @see J. A. Nelder, R. Mead, "A simplex method for function minimization", Computer Journal 7(4), 1965.
 * @example nelderMead(([x, y]) => (x - 1) ** 2 + (y + 2) ** 2, [0, 0]).x // => ≈ [1, -2]
 */
export interface NelderMeadOptions {
  /** Initial step per coordinate (default 10% of |x0| or 0.1 when x0 is 0). */
  step?: readonly number[];
  maxIterations?: number;
  /** Stop when the simplex's function values span less than this (relative, like R's reltol). */
  relativeTolerance?: number;
}

export interface NelderMeadResult {
  x: number[];
  value: number;
  iterations: number;
  converged: boolean;
}

const DEFAULT_MAX_ITERATIONS = 2000;
const DEFAULT_RELATIVE_TOLERANCE = 1e-8;

export function nelderMead(f: (x: number[]) => number, x0: readonly number[], options: NelderMeadOptions = {}): NelderMeadResult {
  const n = x0.length;
  if (n === 0) return { x: [], value: f([]), iterations: 0, converged: true };
  const maxIterations = options.maxIterations ?? DEFAULT_MAX_ITERATIONS;
  const tol = options.relativeTolerance ?? DEFAULT_RELATIVE_TOLERANCE;
  const evaluate = (x: number[]) => {
    const v = f(x);
    return Number.isNaN(v) ? Infinity : v;
  };
  const simplex: number[][] = [x0.slice()];
  for (let i = 0; i < n; i++) {
    const p = x0.slice();
    const step = options.step?.[i] ?? (p[i] !== 0 ? 0.1 * Math.abs(p[i] as number) : 0.1);
    p[i] = (p[i] as number) + step;
    simplex.push(p);
  }
  let values = simplex.map(evaluate);
  let iterations = 0;
  let converged = false;
  const order = () => {
    const idx = values.map((_, i) => i).sort((a, b) => (values[a] as number) - (values[b] as number));
    const s = idx.map((i) => simplex[i] as number[]);
    const v = idx.map((i) => values[i] as number);
    simplex.splice(0, simplex.length, ...s);
    values = v;
  };
  order();
  while (iterations < maxIterations) {
    iterations++;
    const best = values[0] as number;
    const worst = values[n] as number;
    if (Number.isFinite(worst) && Math.abs(worst - best) <= tol * (Math.abs(best) + tol)) {
      converged = true;
      break;
    }
    const centroid = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) centroid[j] = (centroid[j] as number) + ((simplex[i] as number[])[j] as number) / n;
    const along = (t: number) => centroid.map((c, j) => c + t * (((simplex[n] as number[])[j] as number) - c));
    const reflected = along(-1);
    const fr = evaluate(reflected);
    if (fr < best) {
      const expanded = along(-2);
      const fe = evaluate(expanded);
      if (fe < fr) replaceWorst(expanded, fe);
      else replaceWorst(reflected, fr);
    } else if (fr < (values[n - 1] as number)) {
      replaceWorst(reflected, fr);
    } else {
      const contracted = fr < worst ? along(-0.5) : along(0.5);
      const fc = evaluate(contracted);
      if (fc < Math.min(fr, worst)) {
        replaceWorst(contracted, fc);
      } else {
        const bestPoint = simplex[0] as number[];
        for (let i = 1; i <= n; i++) {
          const p = (simplex[i] as number[]).map((x, j) => (bestPoint[j] as number) + 0.5 * (x - (bestPoint[j] as number)));
          simplex[i] = p;
          values[i] = evaluate(p);
        }
      }
    }
    order();
  }
  return { x: (simplex[0] as number[]).slice(), value: values[0] as number, iterations, converged };

  function replaceWorst(p: number[], v: number) {
    simplex[n] = p;
    values[n] = v;
  }
}
