// Compares two versions of a rubric, signal by signal (matched by their stable key) and red flag by red
// flag. Pure: takes plain values, returns what was added, removed and changed, field by field.

export interface SignalValues {
  key: string;
  dimensionKey: string;
  title: string;
  description: string;
  anchors: [string, string, string, string];
  weights: { entry: number; mid: number; senior: number };
}

export interface RedFlagValues {
  key: string;
  title: string;
  description: string;
}

export interface FieldChange {
  field: string;
  before: string;
  after: string;
}

export type ItemDiff<T> =
  | { kind: "added"; key: string; after: T }
  | { kind: "removed"; key: string; before: T }
  | { kind: "changed"; key: string; before: T; after: T; changes: FieldChange[]; moved: boolean }
  | { kind: "unchanged"; key: string; before: T; after: T; moved: boolean };

function signalFields(s: SignalValues): Record<string, string> {
  return {
    title: s.title,
    description: s.description,
    dimension: s.dimensionKey,
    "anchor 1": s.anchors[0],
    "anchor 2": s.anchors[1],
    "anchor 3": s.anchors[2],
    "anchor 4": s.anchors[3],
    "weight (entry)": String(s.weights.entry),
    "weight (mid)": String(s.weights.mid),
    "weight (senior)": String(s.weights.senior),
  };
}

function flagFields(f: RedFlagValues): Record<string, string> {
  return { title: f.title, description: f.description };
}

function diffLists<T extends { key: string }>(
  before: T[],
  after: T[],
  fields: (t: T) => Record<string, string>,
): ItemDiff<T>[] {
  const beforeByKey = new Map(before.map((item, index) => [item.key, { item, index }]));
  const afterKeys = new Set(after.map((a) => a.key));
  const out: ItemDiff<T>[] = [];
  after.forEach((item, index) => {
    const previous = beforeByKey.get(item.key);
    if (!previous) {
      out.push({ kind: "added", key: item.key, after: item });
      return;
    }
    const a = fields(previous.item);
    const b = fields(item);
    const changes = Object.keys(b)
      .filter((field) => a[field] !== b[field])
      .map((field) => ({ field, before: a[field] ?? "", after: b[field] ?? "" }));
    const moved = previous.index !== index;
    out.push(
      changes.length
        ? { kind: "changed", key: item.key, before: previous.item, after: item, changes, moved }
        : { kind: "unchanged", key: item.key, before: previous.item, after: item, moved },
    );
  });
  before.forEach((item) => {
    if (!afterKeys.has(item.key)) out.push({ kind: "removed", key: item.key, before: item });
  });
  return out;
}

export function diffRubricVersions(
  before: { signals: SignalValues[]; redFlags: RedFlagValues[] },
  after: { signals: SignalValues[]; redFlags: RedFlagValues[] },
) {
  const signals = diffLists(before.signals, after.signals, signalFields);
  const redFlags = diffLists(before.redFlags, after.redFlags, flagFields);
  // Counted per list, so "7 unchanged" next to the list of signals means 7 signals (flags have their own count).
  const counts = (list: { kind: string }[]) => {
    const count = (kind: string) => list.filter((d) => d.kind === kind).length;
    return {
      added: count("added"),
      removed: count("removed"),
      changed: count("changed"),
      unchanged: count("unchanged"),
    };
  };
  return { signals, redFlags, summary: counts(signals), redFlagSummary: counts(redFlags) };
}
