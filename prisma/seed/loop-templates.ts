// Loop templates every workspace starts with: common loop shapes and one preset per company style.
// Dimension weights are relative (1 = neutral) and say what a style leans on.

export interface LoopTemplateSeed {
  key: string;
  name: string;
  description: string;
  level: "entry" | "mid" | "senior";
  dimensionWeights: Record<string, number>;
  rounds: { roundTypeKey: string; durationMin: number }[];
  /** Suggested slots may spread the loop over this many days (default 1). */
  maxDays?: number;
}

const even = {
  coding: 1,
  "backend-depth": 1,
  "system-design": 1,
  behavioral: 1,
  "role-alignment": 1,
  communication: 1,
};

export const LOOP_TEMPLATES: LoopTemplateSeed[] = [
  {
    key: "backend-mid-virtual-onsite",
    name: "Backend engineer, mid-level virtual onsite",
    description:
      "The classic mid-level loop: a screen, two coding rounds, a design round, behavioral and a hiring-manager chat.",
    level: "mid",
    dimensionWeights: { ...even, coding: 1.3 },
    rounds: [
      { roundTypeKey: "technical-screen", durationMin: 60 },
      { roundTypeKey: "coding", durationMin: 60 },
      { roundTypeKey: "coding", durationMin: 60 },
      { roundTypeKey: "system-design", durationMin: 60 },
      { roundTypeKey: "behavioral", durationMin: 45 },
      { roundTypeKey: "hiring-manager", durationMin: 45 },
    ],
  },
  {
    key: "senior-backend-design-heavy",
    name: "Senior backend, design-heavy",
    description:
      "For senior candidates: one coding round, two design rounds and a depth discussion, weighted toward architecture and tradeoffs. Can be spread over two days.",
    level: "senior",
    maxDays: 2,
    dimensionWeights: { ...even, coding: 0.8, "system-design": 1.5, "backend-depth": 1.3 },
    rounds: [
      { roundTypeKey: "coding", durationMin: 60 },
      { roundTypeKey: "system-design", durationMin: 60 },
      { roundTypeKey: "system-design", durationMin: 60 },
      { roundTypeKey: "backend-depth", durationMin: 60 },
      { roundTypeKey: "behavioral", durationMin: 45 },
    ],
  },
  {
    key: "entry-coding-focus",
    name: "Entry level, coding focus",
    description: "Early-career practice: a screen and two coding rounds, with a short behavioral round.",
    level: "entry",
    dimensionWeights: { ...even, coding: 1.6, "system-design": 0.6 },
    rounds: [
      { roundTypeKey: "technical-screen", durationMin: 45 },
      { roundTypeKey: "coding", durationMin: 60 },
      { roundTypeKey: "coding", durationMin: 60 },
      { roundTypeKey: "behavioral", durationMin: 45 },
    ],
  },
  {
    key: "style-microsoft",
    name: "Microsoft-style loop",
    description:
      "Balanced: solid fundamentals, real design depth, collaboration and customer focus, in a conversational tone with a high bar.",
    level: "mid",
    dimensionWeights: { ...even, behavioral: 1.2, communication: 1.2 },
    rounds: [
      { roundTypeKey: "coding", durationMin: 60 },
      { roundTypeKey: "system-design", durationMin: 60 },
      { roundTypeKey: "coding", durationMin: 60 },
      { roundTypeKey: "behavioral", durationMin: 45 },
      { roundTypeKey: "hiring-manager", durationMin: 45 },
    ],
  },
  {
    key: "style-google",
    name: "Google-style loop",
    description:
      "Leans on abstraction and algorithmic precision: more coding rounds, judged strictly on correctness and complexity.",
    level: "mid",
    dimensionWeights: { ...even, coding: 1.6, communication: 1.1, behavioral: 0.8 },
    rounds: [
      { roundTypeKey: "coding", durationMin: 45 },
      { roundTypeKey: "coding", durationMin: 45 },
      { roundTypeKey: "coding", durationMin: 45 },
      { roundTypeKey: "system-design", durationMin: 45 },
      { roundTypeKey: "behavioral", durationMin: 45 },
    ],
  },
  {
    key: "style-amazon",
    name: "Amazon-style loop",
    description:
      "Leans on ownership and operating under pressure: behavioral evidence in every round, and production depth.",
    level: "mid",
    dimensionWeights: { ...even, behavioral: 1.6, "backend-depth": 1.3 },
    rounds: [
      { roundTypeKey: "coding", durationMin: 60 },
      { roundTypeKey: "backend-depth", durationMin: 60 },
      { roundTypeKey: "system-design", durationMin: 60 },
      { roundTypeKey: "behavioral", durationMin: 60 },
      { roundTypeKey: "hiring-manager", durationMin: 45 },
    ],
  },
  {
    key: "style-apple",
    name: "Apple-style loop",
    description:
      "Leans on product sense and implementation detail: how the design serves users, and how carefully it is built.",
    level: "mid",
    dimensionWeights: { ...even, "role-alignment": 1.4, coding: 1.2, "system-design": 1.2 },
    rounds: [
      { roundTypeKey: "coding", durationMin: 60 },
      { roundTypeKey: "system-design", durationMin: 60 },
      { roundTypeKey: "backend-depth", durationMin: 60 },
      { roundTypeKey: "hiring-manager", durationMin: 45 },
    ],
  },
];
