/**
 * Cholesky factor of a symmetric positive-definite matrix: the lower-triangular L with A = L Lᵀ.
 * The Monte Carlo turns independent standard normals z into correlated shocks ε = L z, whose
 * covariance is L Lᵀ = A.
 *
 * $$ L_{jj} = \sqrt{A_{jj} - \sum_{k<j} L_{jk}^2},\qquad L_{ij} = \frac{A_{ij} - \sum_{k<j} L_{ik} L_{jk}}{L_{jj}}\ (i > j) $$
 * plain: the Cholesky–Banachiewicz recursion, row by row; only the lower triangle of A is read.
 *
 * A pivot `A_jj − Σ L_jk²` that is not strictly positive means A is not positive definite (for a
 * correlation matrix: contradictory correlations, such as ρ₁₂ = ρ₁₃ = 0.9 with ρ₂₃ = −0.9, or an
 * exactly redundant driver). No tolerance is added: a pivot of 1e-300 passes, which is correct for
 * a matrix that is positive definite but nearly singular.
 *
 * @param matrix n × n, row-major nested arrays (symmetry is the caller's check)
 * @param label names the matrix in the error message
 * @returns L row-major in a Float64Array of n² entries, zeros above the diagonal
 * @throws Error `<label> is not positive definite (Cholesky pivot <j> = <value> ≤ 0)` with j 1-based.
 * @see G. H. Golub, C. F. Van Loan, Matrix Computations, 4th ed., §4.2.5 (Johns Hopkins, 2013).
 * @example choleskyLower([[4, 2], [2, 2]], 'A') // => Float64Array [2, 0, 1, 1]
 */
export function choleskyLower(matrix: readonly (readonly number[])[], label: string): Float64Array {
  const n = matrix.length;
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const row = matrix[i] as readonly number[];
    for (let j = 0; j <= i; j++) {
      let s = row[j] as number;
      for (let k = 0; k < j; k++) s -= (l[i * n + k] as number) * (l[j * n + k] as number);
      if (i === j) {
        if (!(s > 0)) throw new Error(`${label} is not positive definite (Cholesky pivot ${j + 1} = ${s} ≤ 0)`);
        l[i * n + i] = Math.sqrt(s);
      } else {
        l[i * n + j] = s / (l[j * n + j] as number);
      }
    }
  }
  return l;
}
