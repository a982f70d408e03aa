// The interviewer-and-key system with every candidate's own parameters eliminated (the Schur complement S),
// held explicitly: a 2 × 2 block (severity, gain) for every pair of interviewers who share a candidate (a
// sparse pattern fixed by the design), a dense interviewer × key part and a dense key × key part. It is
// assembled once per Newton iteration (schur-system.ts); a product with S then costs one pass over these
// entries instead of two passes over the ratings and a local solve per candidate.

const NO_KEYS = new Int32Array(0);

export class SchurMatrix {
  readonly panelSize: number;
  readonly keys: number;
  /** Row p's blocks are rowStart[p] .. rowStart[p + 1] − 1; block b couples p with neighbor[b]. */
  readonly rowStart: Int32Array;
  readonly neighbor: Int32Array;
  /** The block (p, p). */
  readonly diagonalBlock: Int32Array;
  /** Per candidate, the block of each (slot, slot) pair, row-major over its m slots: pairBlock[pairStart[c] + j m + l]. */
  readonly pairStart: Int32Array;
  readonly pairBlock: Int32Array;
  /** Four numbers per block: S(s_p, s_q), S(s_p, γ_q), S(γ_p, s_q), S(γ_p, γ_q). */
  readonly blocks: Float64Array;
  /** S(s_p, β_k) at p K + k, then S(γ_p, β_k) at P K + p K + k. */
  readonly interviewerKey: Float64Array;
  /** S(β_k, β_l) at k K + l. */
  readonly keyKey: Float64Array;

  constructor(panelSize: number, keys: number, slotStart: Int32Array, slotPos: Int32Array) {
    this.panelSize = panelSize;
    this.keys = keys;
    const candidates = slotStart.length - 1;
    const { rowStart, neighbor } = sharePattern(panelSize, slotStart, slotPos);
    this.rowStart = rowStart;
    this.neighbor = neighbor;
    this.diagonalBlock = new Int32Array(panelSize);
    for (let p = 0; p < panelSize; p++) this.diagonalBlock[p] = this.find(p, p);
    const pairStart = new Int32Array(candidates + 1);
    for (let c = 0; c < candidates; c++) {
      const m = slotStart[c + 1]! - slotStart[c]!;
      pairStart[c + 1] = pairStart[c]! + m * m;
    }
    this.pairStart = pairStart;
    this.pairBlock = new Int32Array(pairStart[candidates]!);
    for (let c = 0; c < candidates; c++) {
      const first = slotStart[c]!;
      const m = slotStart[c + 1]! - first;
      for (let j = 0; j < m; j++) {
        for (let l = 0; l < m; l++)
          this.pairBlock[pairStart[c]! + j * m + l] = this.find(slotPos[first + j]!, slotPos[first + l]!);
      }
    }
    this.blocks = new Float64Array(4 * this.neighbor.length);
    this.interviewerKey = new Float64Array(2 * panelSize * keys);
    this.keyKey = new Float64Array(keys * keys);
  }

  /** The block coupling p with q (binary search in p's sorted row). */
  private find(p: number, q: number): number {
    let low = this.rowStart[p]!;
    let high = this.rowStart[p + 1]! - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const value = this.neighbor[middle]!;
      if (value === q) return middle;
      if (value < q) low = middle + 1;
      else high = middle - 1;
    }
    throw new Error(`interviewers ${p} and ${q} share no candidate`);
  }

  clear(): void {
    this.blocks.fill(0);
    this.interviewerKey.fill(0);
    this.keyKey.fill(0);
  }

  /**
   * Adds candidate c's part of S: `S` holds its upper triangle (columns × columns, row-major) over its
   * columns 2j (severity) and 2j + 1 (gain) of slot j, whose panel position is positions[j], and 2m + g
   * for the key keyOf[g] of its cell g. With `keyOf` null only the interviewer blocks are added (S then
   * holds only the interviewer columns), and the interviewer × key and key × key parts stay 0.
   */
  addCandidate(c: number, S: Float64Array, columns: number, positions: Int32Array, keyOf: Int32Array | null): void {
    const P = this.panelSize;
    const K = this.keys;
    const { blocks, interviewerKey, keyKey, pairBlock } = this;
    const m = positions.length;
    const keyList = keyOf ?? NO_KEYS;
    const cells = keyList.length;
    const pairs = this.pairStart[c]!;
    const n = columns;
    for (let j = 0; j < m; j++) {
      const sj = 2 * j * n;
      const gj = sj + n;
      for (let l = 0; l < m; l++) {
        const b = 4 * pairBlock[pairs + j * m + l]!;
        const sl = 2 * l * n;
        if (j <= l) {
          blocks[b]! += S[sj + 2 * l]!;
          blocks[b + 1]! += S[sj + 2 * l + 1]!;
          blocks[b + 2]! += j === l ? S[sj + 2 * l + 1]! : S[gj + 2 * l]!;
          blocks[b + 3]! += S[gj + 2 * l + 1]!;
        } else {
          blocks[b]! += S[sl + 2 * j]!;
          blocks[b + 1]! += S[sl + n + 2 * j]!;
          blocks[b + 2]! += S[sl + 2 * j + 1]!;
          blocks[b + 3]! += S[sl + n + 2 * j + 1]!;
        }
      }
      const row = positions[j]! * K;
      for (let g = 0; g < cells; g++) {
        interviewerKey[row + keyList[g]!]! += S[sj + 2 * m + g]!;
        interviewerKey[P * K + row + keyList[g]!]! += S[gj + 2 * m + g]!;
      }
    }
    for (let g = 0; g < cells; g++) {
      const rowG = (2 * m + g) * n + 2 * m;
      for (let h = 0; h < cells; h++) {
        keyKey[keyList[g]! * K + keyList[h]!]! += h >= g ? S[rowG + h]! : S[(2 * m + h) * n + 2 * m + g]!;
      }
    }
  }

  /** out = S v, globals laid out as s (P) | γ (P) | β (K). */
  multiply(v: Float64Array, out: Float64Array): void {
    const P = this.panelSize;
    const K = this.keys;
    const { rowStart, neighbor, blocks, interviewerKey, keyKey } = this;
    const gainOffset = P * K;
    for (let k = 0; k < K; k++) {
      let sum = 0;
      for (let l = 0; l < K; l++) sum += keyKey[k * K + l]! * v[2 * P + l]!;
      out[2 * P + k] = sum;
    }
    for (let p = 0; p < P; p++) {
      let severity = 0;
      let gain = 0;
      for (let b = rowStart[p]!, end = rowStart[p + 1]!; b < end; b++) {
        const q = neighbor[b]!;
        const vs = v[q]!;
        const vg = v[P + q]!;
        severity += blocks[4 * b]! * vs + blocks[4 * b + 1]! * vg;
        gain += blocks[4 * b + 2]! * vs + blocks[4 * b + 3]! * vg;
      }
      const vs = v[p]!;
      const vg = v[P + p]!;
      const row = p * K;
      for (let k = 0; k < K; k++) {
        const sk = interviewerKey[row + k]!;
        const gk = interviewerKey[gainOffset + row + k]!;
        const vk = v[2 * P + k]!;
        severity += sk * vk;
        gain += gk * vk;
        out[2 * P + k]! += sk * vs + gk * vg;
      }
      out[p] = severity;
      out[P + p] = gain;
    }
  }
}

/**
 * Each interviewer's row of the pattern: itself and every interviewer it shares a candidate with, sorted,
 * once each (in typed arrays: the cohort's pairs are tens of thousands).
 */
function sharePattern(
  panelSize: number,
  slotStart: Int32Array,
  slotPos: Int32Array,
): { rowStart: Int32Array; neighbor: Int32Array } {
  const candidates = slotStart.length - 1;
  // Every (p, q) occurrence, duplicates included, grouped by p.
  const count = new Int32Array(panelSize + 1);
  for (let p = 0; p < panelSize; p++) count[p + 1] = 1;
  for (let c = 0; c < candidates; c++) {
    const m = slotStart[c + 1]! - slotStart[c]!;
    for (let j = slotStart[c]!; j < slotStart[c + 1]!; j++) count[slotPos[j]! + 1]! += m - 1;
  }
  for (let p = 0; p < panelSize; p++) count[p + 1]! += count[p]!;
  const all = new Int32Array(count[panelSize]!);
  const cursor = count.slice(0, panelSize);
  for (let p = 0; p < panelSize; p++) all[cursor[p]!++] = p;
  for (let c = 0; c < candidates; c++) {
    for (let j = slotStart[c]!; j < slotStart[c + 1]!; j++) {
      const p = slotPos[j]!;
      for (let l = slotStart[c]!; l < slotStart[c + 1]!; l++) if (j !== l) all[cursor[p]!++] = slotPos[l]!;
    }
  }
  // Sort each row and drop repeats, in place.
  const rowStart = new Int32Array(panelSize + 1);
  let size = 0;
  for (let p = 0; p < panelSize; p++) {
    const row = all.subarray(count[p], count[p + 1]).sort();
    for (let k = 0; k < row.length; k++) if (k === 0 || row[k] !== row[k - 1]) all[size++] = row[k]!;
    rowStart[p + 1] = size;
  }
  return { rowStart, neighbor: all.slice(0, size) };
}
