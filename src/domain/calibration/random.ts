// Seeded randomness for the calibration engine and agreement bootstrap: the same input and seed always
// give the same numbers, on every machine.

/** mulberry32: a 32-bit state generator, small and fast; uniform on [0, 1). */
export function createSeededRandom(seed: number): () => number {
  let state = Math.trunc(seed) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), state | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  };
}
