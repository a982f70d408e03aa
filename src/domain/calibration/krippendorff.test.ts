import { describe, expect, it } from "vitest";
import { krippendorffAlpha, krippendorffAlphaInterval } from "./krippendorff";

// Reference values below are worked by hand from the definitions:
//   o_ck  = Σ_units (number of ordered c–k pairs in the unit) / (m_u − 1)
//   n_c   = Σ_k o_ck,  n = Σ_c n_c
//   alpha = 1 − (n − 1) · Σ o_ck δ²_ck / Σ n_c n_k δ²_ck
//   δ² nominal: 1 if c ≠ k; interval: (c − k)²; ordinal: (Σ_{g=c..k} n_g − (n_c + n_k) / 2)²

describe("krippendorffAlpha: hand-computed examples", () => {
  // Units (null = not rated; the last unit has one value, so it pairs with nothing and is dropped):
  //   [1, 1, 1]  m = 3: three 1s give 3·2 ordered 1–1 pairs, weighted 1/2    → o11 += 3
  //   [1, 2, –]  m = 2: one 1–2 and one 2–1 pair                            → o12 += 1, o21 += 1
  //   [2, 2]     m = 2: two ordered 2–2 pairs                               → o22 += 2
  //   [3, 3, 2]  m = 3: 3–3 ×2, 3–2 ×2, 2–3 ×2, each weighted 1/2           → o33 += 1, o32 += 1, o23 += 1
  //   [3, –, –]  dropped
  //
  //   coincidences   1  2  3 | n_c
  //             1 [  3  1  0 ] 4
  //             2 [  1  2  1 ] 4
  //             3 [  0  1  1 ] 2        n = 10 (3 + 2 + 2 + 3 pairable values)
  const mixed: (number | null)[][] = [
    [1, 1, 1],
    [1, 2, null],
    [2, 2],
    [3, 3, 2],
    [3, null, null],
  ];

  it("nominal: 1 − 9·4 / 64 = 0.4375", () => {
    // Disagreeing coincidences: o12 + o21 + o23 + o32 = 4.
    // Σ_{c≠k} n_c n_k = 2·(4·4 + 4·2 + 4·2) = 64.
    expect(krippendorffAlpha(mixed, "nominal")).toBeCloseTo(0.4375, 12);
  });

  it("ordinal: 1 − 9·50 / 1440 = 0.6875", () => {
    // δ²(1,2) = (4 + 4 − (4 + 4)/2)² = 16
    // δ²(2,3) = (4 + 2 − (4 + 2)/2)² = 9
    // δ²(1,3) = (4 + 4 + 2 − (4 + 2)/2)² = 49
    // observed Σ o δ² = 2·(1·16 + 1·9 + 0·49) = 50
    // expected Σ n n δ² = 2·(16·16 + 8·9 + 8·49) = 1440
    expect(krippendorffAlpha(mixed, "ordinal")).toBeCloseTo(0.6875, 12);
  });

  it("interval: 1 − 9·4 / 112 = 19/28", () => {
    // observed = 2·(1·1 + 1·1) = 4; expected = 2·(16·1 + 8·1 + 8·4) = 112
    expect(krippendorffAlpha(mixed, "interval")).toBeCloseTo(19 / 28, 12);
  });

  // A gap in the scale: nobody used 3. Units [1,1], [1,2], [2,4], [4,4] (all m = 2):
  //   coincidences   1  2  4 | n_c
  //             1 [  2  1  0 ] 3
  //             2 [  1  0  1 ] 2
  //             4 [  0  1  2 ] 3        n = 8
  const gapped = [
    [1, 1],
    [1, 2],
    [2, 4],
    [4, 4],
  ];

  it("ordinal ignores the numeric gap: 1 − 7·25 / 600 = 17/24", () => {
    // δ²(1,2) = (3 + 2 − 5/2)² = 6.25; δ²(2,4) = (2 + 3 − 5/2)² = 6.25 (value 3 has n = 0, so adds nothing);
    // δ²(1,4) = (3 + 2 + 3 − 6/2)² = 25.
    // observed = 2·(1·6.25 + 1·6.25) = 25; expected = 2·(6·6.25 + 6·6.25 + 9·25) = 600
    expect(krippendorffAlpha(gapped, "ordinal")).toBeCloseTo(17 / 24, 12);
  });

  it("interval counts the gap: 1 − 7·10 / 222 = 76/111", () => {
    // δ²(1,2) = 1, δ²(2,4) = 4, δ²(1,4) = 9; observed = 2·(1 + 4) = 10; expected = 2·(6·1 + 6·4 + 9·9) = 222
    expect(krippendorffAlpha(gapped, "interval")).toBeCloseTo(76 / 111, 12);
  });

  it("nominal on the same data: 1 − 7·4 / 42 = 1/3", () => {
    // disagreeing coincidences = 4; Σ_{c≠k} n_c n_k = 2·(3·2 + 3·3 + 2·3) = 42
    expect(krippendorffAlpha(gapped, "nominal")).toBeCloseTo(1 / 3, 12);
  });

  it("goes below 0 when raters disagree systematically: 1 − 3·4 / 8 = −0.5", () => {
    // [1,2], [2,1]: o12 = o21 = 2, n1 = n2 = 2, n = 4; expected Σ_{c≠k} n n = 8.
    expect(
      krippendorffAlpha(
        [
          [1, 2],
          [2, 1],
        ],
        "nominal",
      ),
    ).toBeCloseTo(-0.5, 12);
  });
});

describe("krippendorffAlpha: Krippendorff's published example", () => {
  // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability": 4 observers, 12 units, values 1–5.
  // Published: nominal 0.743, ordinal 0.815, interval 0.849.
  const _ = null;
  const observers = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
    [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
  ];
  const units = Array.from({ length: 12 }, (_unit, u) => observers.map((row) => row[u] ?? null));

  it.each([
    ["nominal", 0.743],
    ["ordinal", 0.815],
    ["interval", 0.849],
  ] as const)("%s alpha is %s", (level, published) => {
    expect(krippendorffAlpha(units, level)).toBeCloseTo(published, 3);
  });
});

describe("krippendorffAlpha: edge cases and invariances", () => {
  it.each(["nominal", "ordinal", "interval"] as const)("is 1 for perfect agreement (%s)", (level) => {
    expect(
      krippendorffAlpha(
        [
          [1, 1],
          [3, 3, 3],
          [4, null, 4],
          [2, 2],
        ],
        level,
      ),
    ).toBe(1);
  });

  it.each([
    ["no units", []],
    ["only single values", [[1], [2, null], [null, null]]],
    [
      "no variation",
      [
        [3, 3],
        [3, 3, 3],
      ],
    ],
  ])("is null with %s", (_label, units) => {
    expect(krippendorffAlpha(units, "ordinal")).toBeNull();
  });

  it("drops units with a single value without changing alpha", () => {
    const units = [
      [1, 2],
      [2, 2],
      [3, 4],
      [4, 4],
    ];
    expect(krippendorffAlpha([...units, [1], [null, 4]], "ordinal")).toBe(krippendorffAlpha(units, "ordinal"));
  });

  it("ordinal depends only on order, not on the numbers used", () => {
    const units = [
      [1, 2, 2],
      [2, 3],
      [3, 3, 4],
      [1, 1],
      [4, 2],
    ];
    const stretched = units.map((unit) => unit.map((v) => [0, 10, 11, 50, 1000][v] ?? Number.NaN));
    expect(krippendorffAlpha(stretched, "ordinal")).toBeCloseTo(krippendorffAlpha(units, "ordinal") as number, 12);
    expect(krippendorffAlpha(stretched, "interval")).not.toBeCloseTo(krippendorffAlpha(units, "interval") as number, 3);
  });

  it("nominal ignores which labels are used", () => {
    const units = [
      [1, 2, 2],
      [2, 3],
      [3, 3, 4],
      [1, 1],
      [4, 2],
    ];
    const relabelled = units.map((unit) => unit.map((v) => [0, 7, 3, 9, 1][v] ?? Number.NaN));
    expect(krippendorffAlpha(relabelled, "nominal")).toBeCloseTo(krippendorffAlpha(units, "nominal") as number, 12);
  });

  it("rejects NaN instead of treating it as a category", () => {
    expect(() => krippendorffAlpha([[1, Number.NaN]], "nominal")).toThrow(RangeError);
  });
});

describe("krippendorffAlphaInterval: bootstrap over units", () => {
  const units = Array.from({ length: 60 }, (_, u) => [1 + (u % 4), 1 + ((u + (u % 3 === 0 ? 1 : 0)) % 4), 1 + (u % 4)]);

  it("brackets alpha and repeats exactly for the same seed", () => {
    const alpha = krippendorffAlpha(units, "ordinal") ?? Number.NaN;
    const interval = krippendorffAlphaInterval(units, "ordinal", { replicates: 500, seed: 9 });
    expect(interval).not.toBeNull();
    const [low, high] = interval ?? [Number.NaN, Number.NaN];
    expect(low).toBeLessThan(alpha);
    expect(high).toBeGreaterThan(alpha);
    expect(krippendorffAlphaInterval(units, "ordinal", { replicates: 500, seed: 9 })).toEqual(interval);
  });

  it("narrows as the number of units grows", () => {
    const width = (data: number[][]) => {
      const [low, high] = krippendorffAlphaInterval(data, "interval", { replicates: 400, seed: 1 }) ?? [
        Number.NaN,
        Number.NaN,
      ];
      return high - low;
    };
    expect(width([...units, ...units, ...units, ...units])).toBeLessThan(width(units));
  });

  it("is null when alpha is undefined", () => {
    expect(
      krippendorffAlphaInterval(
        [
          [2, 2],
          [2, 2],
        ],
        "nominal",
      ),
    ).toBeNull();
    expect(() => krippendorffAlphaInterval(units, "nominal", { replicates: 0 })).toThrow(RangeError);
  });
});
