// Small numerical helpers of the calibration fit: prefix sums, dot products, reusable scratch buffers, and dense Cholesky factorisation, all over flat typed arrays.

export function prefix(counts: Int32Array): Int32Array {
  const out = new Int32Array(counts.length + 1);
  for (let i = 0; i < counts.length; i++) out[i + 1] = out[i]! + counts[i]!;
  return out;
}

export function midpoint(low: number, high: number): number {
  if (low === -Infinity) return high - 0.5;
  if (high === Infinity) return low + 0.5;
  return (low + high) / 2;
}

export function dotAt(a: Float64Array, b: Float64Array, oa: number, ob: number, length: number): number {
  let s = 0;
  for (let i = 0; i < length; i++) s += a[oa + i]! * b[ob + i]!;
  return s;
}

export function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

/** In-place lower Cholesky factor of the symmetric positive-definite n × n matrix at offset o. */
export function choleskyInPlace(A: Float64Array, o: number, n: number): void {
  for (let j = 0; j < n; j++) {
    let diag = A[o + j * n + j]!;
    for (let k = 0; k < j; k++) diag -= A[o + j * n + k]! ** 2;
    // A tiny floor instead of a failure: the priors make every block positive definite in exact arithmetic.
    const root = Math.sqrt(Math.max(diag, 1e-300));
    A[o + j * n + j] = root;
    for (let i = j + 1; i < n; i++) {
      let s = A[o + i * n + j]!;
      for (let k = 0; k < j; k++) s -= A[o + i * n + k]! * A[o + j * n + k]!;
      A[o + i * n + j] = s / root;
    }
  }
}

/** Solves (L Lᵀ) x = b in place, L the lower factor at offset o. */
export function choleskySolve(L: Float64Array, o: number, n: number, b: Float64Array): void {
  for (let i = 0; i < n; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= L[o + i * n + k]! * b[k]!;
    b[i] = s / L[o + i * n + i]!;
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = b[i]!;
    for (let k = i + 1; k < n; k++) s -= L[o + k * n + i]! * b[k]!;
    b[i] = s / L[o + i * n + i]!;
  }
}

let inverseScratch = new Float64Array(0);

/**
 * out (at offset o) = (L Lᵀ)⁻¹ from the lower factor L at offset o: W = L⁻¹ (forward substitution), then
 * (Wᵀ W)_ij = Σ_(k ≥ max(i, j)) W_ki W_kj, each pair once. About n³/3 multiplications, a third of solving
 * for the n unit columns (as this did before).
 */
export function invertFromCholesky(L: Float64Array, out: Float64Array, o: number, n: number): void {
  if (inverseScratch.length < n * n) inverseScratch = new Float64Array(n * n);
  const W = inverseScratch;
  for (let j = 0; j < n; j++) {
    W[j * n + j] = 1 / L[o + j * n + j]!;
    for (let i = j + 1; i < n; i++) {
      let s = 0;
      for (let k = j; k < i; k++) s -= L[o + i * n + k]! * W[k * n + j]!;
      W[i * n + j] = s / L[o + i * n + i]!;
    }
  }
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      let s = 0;
      for (let k = j; k < n; k++) s += W[k * n + i]! * W[k * n + j]!;
      out[o + i * n + j] = s;
      out[o + j * n + i] = s;
    }
  }
}
