// Interval arithmetic in absolute time: overlap, merge, subtract, intersect. The exported Interval
// functions take and return Dates; the Span helpers work on epoch milliseconds for the hot loops of the
// slot search (see suggestion.ts).

/** Half-open [start, end) in absolute time. Touching intervals do not overlap. */
export interface Interval {
  start: Date;
  end: Date;
}

/** Epoch milliseconds: the hot loops below compare numbers rather than allocate and read Dates. */
export interface Span {
  start: number;
  end: number;
}

export function toSpan(interval: Interval): Span {
  return { start: interval.start.getTime(), end: interval.end.getTime() };
}

export function toInterval(span: Span): Interval {
  return { start: new Date(span.start), end: new Date(span.end) };
}

function spansOverlap(a: Span, b: Span): boolean {
  // An empty interval holds no instant, so it overlaps nothing, not even an interval around it.
  return a.start < a.end && b.start < b.end && a.start < b.end && b.start < a.end;
}

/** Sorted, disjoint, non-touching spans; empty and inverted ones are dropped. Does not mutate input. */
export function mergeSpans(spans: Span[]): Span[] {
  const sorted = spans.filter((s) => s.start < s.end).sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ start: span.start, end: span.end });
  }
  return merged;
}

/** Both inputs merged (sorted, disjoint); one linear sweep. */
export function subtractMergedSpans(free: Span[], busy: Span[]): Span[] {
  const result: Span[] = [];
  let first = 0;
  for (const f of free) {
    let cursor = f.start;
    // Busy spans ending before this free span can't affect it or any later one.
    while ((busy[first]?.end ?? Number.POSITIVE_INFINITY) <= cursor) first++;
    for (let i = first; cursor < f.end; i++) {
      const b = busy[i];
      if (!b || b.start >= f.end) break;
      if (b.start > cursor) result.push({ start: cursor, end: b.start });
      cursor = Math.max(cursor, b.end);
    }
    if (cursor < f.end) result.push({ start: cursor, end: f.end });
  }
  return result;
}

/** Both inputs merged (sorted, disjoint); one linear sweep. */
export function intersectMergedSpans(a: Span[], b: Span[]): Span[] {
  const result: Span[] = [];
  let i = 0;
  let j = 0;
  for (let x = a[0], y = b[0]; x && y; x = a[i], y = b[j]) {
    const start = Math.max(x.start, y.start);
    const end = Math.min(x.end, y.end);
    if (start < end) result.push({ start, end });
    if (x.end < y.end) i++;
    else j++;
  }
  return result;
}

/** Whether [start, end) lies wholly inside one of `merged` (sorted, disjoint): a binary search. */
export function containsSpan(merged: Span[], start: number, end: number): boolean {
  let lo = 0;
  let hi = merged.length - 1;
  let candidate: Span | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const span = merged[mid];
    if (!span) break;
    if (span.start <= start) {
      candidate = span;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return candidate !== undefined && candidate.end >= end;
}

export function overlaps(a: Interval, b: Interval): boolean {
  return spansOverlap(toSpan(a), toSpan(b));
}

/** Sorted by start; overlapping and touching intervals are joined; empty ones are dropped. */
export function mergeIntervals(intervals: Interval[]): Interval[] {
  return mergeSpans(intervals.map(toSpan)).map(toInterval);
}

/** The parts of `free` not covered by `busy`, sorted and merged. */
export function subtractIntervals(free: Interval[], busy: Interval[]): Interval[] {
  return subtractMergedSpans(mergeSpans(free.map(toSpan)), mergeSpans(busy.map(toSpan))).map(toInterval);
}

/** The time covered by both `a` and `b`, sorted and merged: e.g. when an interviewer and a candidate are both free. */
export function intersectIntervals(a: Interval[], b: Interval[]): Interval[] {
  return intersectMergedSpans(mergeSpans(a.map(toSpan)), mergeSpans(b.map(toSpan))).map(toInterval);
}

/** Ids of the existing intervals that overlap `proposed`, in input order. Touching is not a conflict. */
export function findConflicts(existing: (Interval & { id: string })[], proposed: Interval): string[] {
  const target = toSpan(proposed);
  return existing.filter((e) => spansOverlap(toSpan(e), target)).map((e) => e.id);
}
