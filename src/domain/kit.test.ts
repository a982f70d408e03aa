import { describe, expect, it } from "vitest";
import { scaleTimingGuide } from "./kit";

const guide = [
  { minutes: 5, activity: "Intro" },
  { minutes: 40, activity: "Problem" },
  { minutes: 10, activity: "Tests" },
  { minutes: 5, activity: "Questions" },
];

describe("timing guide", () => {
  it("fits a 60-minute guide to a 45-minute round, keeping shares and summing exactly", () => {
    const scaled = scaleTimingGuide(guide, 45);
    expect(scaled.reduce((s, x) => s + x.minutes, 0)).toBe(45);
    expect(scaled.map((x) => x.minutes)).toEqual([4, 30, 7, 4]);
    expect(scaled.map((x) => x.activity)).toEqual(guide.map((x) => x.activity));
  });

  it("leaves a matching guide alone and never gives a step zero minutes", () => {
    expect(scaleTimingGuide(guide, 60)).toBe(guide);
    const tiny = scaleTimingGuide(guide, 6);
    expect(tiny.every((x) => x.minutes >= 1)).toBe(true);
    expect(tiny.reduce((s, x) => s + x.minutes, 0)).toBe(6);
    expect(scaleTimingGuide(guide, 90).reduce((s, x) => s + x.minutes, 0)).toBe(90);
  });
});
