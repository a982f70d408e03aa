"use client";

// A week (Mon–Sun) time grid of events, every time in the viewer's zone. Day and hour placement are
// computed in that zone (Intl, see week-layout), never with the browser's own clock (Date#getHours), so the
// server's render and the browser's agree and a Tokyo laptop shows a New York viewer New York's wall time.

import Link from "next/link";
import { useMemo, useRef, useState, type CSSProperties, type KeyboardEvent, type ReactNode } from "react";
import { LocalTime, useViewerZone } from "@/components/time";
import { cx } from "@/components/ui";
import { isoDateOfDay } from "@/domain/calendar-day";
import { FALLBACK_ZONE, isTimeZone } from "@/domain/time-zone";
import { wallClock } from "@/domain/zoned-input";
import {
  DEFAULT_FIRST_HOUR,
  DEFAULT_LAST_HOUR,
  HOUR_PX,
  MIN_EVENT_PX,
  formatDay,
  hourLabel,
  placeEvents,
  rangeLabel,
  toDate,
  weekStartIn,
  type Placed,
  type WeekEvent,
  type WeekEventTone,
} from "./week-layout";

export type { WeekEvent, WeekEventTone } from "./week-layout";

const toneClasses: Record<WeekEventTone, string> = {
  green: "border-emerald-600 bg-emerald-50 text-emerald-900 hover:bg-emerald-100",
  red: "border-red-600 bg-red-50 text-red-900 hover:bg-red-100",
  gray: "border-slate-500 bg-slate-100 text-slate-800 hover:bg-slate-200",
};

export function WeekView({
  events,
  initialWeek,
  label,
  headingLevel = 2,
}: {
  events: WeekEvent[];
  initialWeek?: Date | string;
  label: string;
  headingLevel?: 2 | 3;
}) {
  const viewerZone = useViewerZone();
  const zone = isTimeZone(viewerZone) ? viewerZone : FALLBACK_ZONE;
  // The week shown, as its Monday's day number (a local date in the viewer's zone, see calendar-day).
  const [monday, setMonday] = useState(() => weekStartIn(initialWeek ? toDate(initialWeek) : new Date(), zone));
  const now = new Date();
  const thisWeek = weekStartIn(now, zone);
  const today = wallClock(now, zone).day;
  const days = useMemo(() => placeEvents(events, monday, zone), [events, monday, zone]);
  const placed = days.flat();

  // Hours shown: 07:00–21:00, widened to fit every event of the week.
  const firstHour = Math.min(DEFAULT_FIRST_HOUR, ...placed.map((p) => Math.floor(p.fromMin / 60)));
  const lastHour = Math.max(
    DEFAULT_LAST_HOUR,
    ...placed.map((p) => Math.min(24, Math.ceil(Math.max(p.toMin, p.fromMin + 30) / 60))),
  );
  const hours = Array.from({ length: lastHour - firstHour }, (_, i) => firstHour + i);
  const gridHeight = hours.length * HOUR_PX;

  const gridRef = useRef<HTMLDivElement>(null);
  const headingId = `week-${label.replace(/[^A-Za-z0-9]+/g, "-").toLowerCase()}`;
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const move = (delta: number) => setMonday(monday + 7 * delta);

  // Arrow keys: Left/Right to the first event of the previous/next day that has one, Up/Down within a day.
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const target = e.target as HTMLElement;
    const day = Number(target.dataset.day);
    const index = Number(target.dataset.index);
    if (!gridRef.current || Number.isNaN(day) || Number.isNaN(index) || !target.dataset.day) return;
    const at = (d: number, i: number) =>
      gridRef.current!.querySelector<HTMLElement>(`[data-day="${d}"][data-index="${i}"]`);
    let next: HTMLElement | null = null;
    if (e.key === "ArrowDown") next = at(day, index + 1);
    else if (e.key === "ArrowUp") next = at(day, index - 1);
    else if (e.key === "ArrowRight" || e.key === "ArrowLeft") {
      const step = e.key === "ArrowRight" ? 1 : -1;
      for (let d = day + step; d >= 0 && d <= 6 && !next; d += step) next = at(d, 0);
    } else return;
    e.preventDefault();
    next?.focus();
  };

  return (
    <section
      aria-labelledby={headingId}
      className="@container rounded-lg bg-white ring-1 ring-slate-200"
      data-testid="week-view"
    >
      <div className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 p-3">
        <div aria-live="polite">
          <Heading id={headingId} className="text-base font-semibold text-slate-900">
            <span className="sr-only">{label}: </span>
            {rangeLabel(monday)}
          </Heading>
          <p className="text-xs text-slate-600">
            {placed.length === 0 ? "Nothing this week" : `${placed.length} ${placed.length === 1 ? "event" : "events"}`}{" "}
            · times in {zone}
          </p>
        </div>
        <div className="flex items-center gap-1" role="group" aria-label="Change week">
          <button type="button" onClick={() => move(-1)} className={navButton} aria-label="Previous week">
            <span aria-hidden>‹</span> <span className="hidden @md:inline">Previous</span>
          </button>
          <button type="button" onClick={() => setMonday(thisWeek)} className={navButton}>
            This week
          </button>
          <button type="button" onClick={() => move(1)} className={navButton} aria-label="Next week">
            <span className="hidden @md:inline">Next</span> <span aria-hidden>›</span>
          </button>
        </div>
      </div>

      {/* Narrow (phones, or a narrow column): the week as a list of days. */}
      <ol className="divide-y divide-slate-200 @2xl:hidden" aria-label={`${label}, by day`}>
        {days.map((list, i) => {
          const date = monday + i;
          const isToday = date === today;
          return (
            <li key={i} className="px-3 py-2" data-testid="week-list-day">
              <p
                className={cx("text-sm font-medium", isToday ? "text-brand-700" : "text-slate-900")}
                aria-current={isToday ? "date" : undefined}
              >
                {formatDay(date, { weekday: "long", month: "short", day: "numeric" })}
                {isToday && <span className="ml-1 text-xs font-normal">(today)</span>}
              </p>
              {list.length === 0 ? (
                <p className="text-sm text-slate-600">Nothing scheduled</p>
              ) : (
                <ul className="mt-1 space-y-1.5">
                  {list.map((p) => (
                    <li key={p.event.id}>
                      <EventLink placed={p} className="block rounded-md border-l-4 px-2.5 py-1.5 text-sm">
                        <span className="block font-medium">{p.event.title}</span>
                        <span className="block text-xs">
                          <LocalTime value={p.start} zone={zone} style="time" /> –{" "}
                          <LocalTime value={p.end} zone={zone} style="time" />
                          {p.event.subtitle && ` · ${p.event.subtitle}`}
                        </span>
                      </EventLink>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ol>

      {/* Wide enough (42rem and up): the time grid, which scrolls inside itself rather than squeeze its days. */}
      <div
        role="region"
        aria-label={`${label}, time grid`}
        tabIndex={0}
        className="hidden overflow-x-auto focus-ring @2xl:block"
      >
        <div className="flex min-w-[40rem]">
          {/* Hour labels: visual only; every event names its own time. */}
          <div aria-hidden className="w-14 shrink-0 border-r border-slate-200">
            <div className="h-12 border-b border-slate-200" />
            <div className="relative" style={{ height: gridHeight }}>
              {[...hours, lastHour].map((h, i) => (
                <span
                  key={h}
                  data-testid="week-hour"
                  data-hour={h}
                  className={cx(
                    "absolute right-2 text-xs text-slate-600",
                    i === 0 ? "" : i === hours.length ? "-translate-y-full" : "-translate-y-1/2",
                  )}
                  style={{ top: i * HOUR_PX }}
                >
                  {hourLabel(h)}
                </span>
              ))}
            </div>
          </div>
          <div
            ref={gridRef}
            role="grid"
            aria-label={label}
            aria-readonly="true"
            className="min-w-0 flex-1"
            onKeyDown={onKeyDown}
          >
            <div role="row" className="grid grid-cols-7">
              {days.map((_, i) => {
                const date = monday + i;
                const isToday = date === today;
                return (
                  <div
                    key={i}
                    role="columnheader"
                    id={`${headingId}-day-${i}`}
                    aria-current={isToday ? "date" : undefined}
                    className={cx(
                      "flex h-12 flex-col items-center justify-center border-b border-slate-200 text-xs",
                      i > 0 && "border-l",
                      isToday ? "bg-brand-50 text-brand-800" : "text-slate-700",
                    )}
                  >
                    <span className="font-medium">{formatDay(date, { weekday: "short" })}</span>
                    <span className={cx("text-sm", isToday ? "font-semibold" : "text-slate-900")}>
                      <span className="sr-only">{formatDay(date, { month: "long" })} </span>
                      <span aria-hidden>{formatDay(date, { month: "short" })} </span>
                      {formatDay(date, { day: "numeric" })}
                    </span>
                  </div>
                );
              })}
            </div>
            <div role="row" className="grid grid-cols-7">
              {days.map((list, i) => (
                <div
                  key={i}
                  role="gridcell"
                  aria-labelledby={`${headingId}-day-${i}`}
                  data-testid="week-day"
                  data-date={isoDateOfDay(monday + i)}
                  className={cx(
                    "relative border-slate-200",
                    i > 0 && "border-l",
                    monday + i === today && "bg-brand-50/40",
                  )}
                  style={{
                    height: gridHeight,
                    backgroundImage: `repeating-linear-gradient(to bottom, transparent 0, transparent ${HOUR_PX - 1}px, rgb(226 232 240) ${HOUR_PX - 1}px, rgb(226 232 240) ${HOUR_PX}px)`,
                  }}
                >
                  {list.map((p, index) => {
                    const top = ((p.fromMin - firstHour * 60) / 60) * HOUR_PX;
                    const height = Math.max(MIN_EVENT_PX, ((p.toMin - p.fromMin) / 60) * HOUR_PX - 2);
                    return (
                      <EventLink
                        key={p.event.id}
                        placed={p}
                        dataDay={i}
                        dataIndex={index}
                        className="absolute overflow-hidden rounded-md border-l-4 px-1.5 pt-0.5 text-xs leading-tight shadow-sm"
                        style={{
                          top,
                          height,
                          left: `calc(${(p.lane / p.lanes) * 100}% + 2px)`,
                          width: `calc(${100 / p.lanes}% - 4px)`,
                        }}
                      >
                        <span className="block truncate font-semibold">{p.event.title}</span>
                        <span className="block truncate">
                          <LocalTime value={p.start} zone={zone} style="time" />
                        </span>
                        {p.event.subtitle && height >= 46 && <span className="block truncate">{p.event.subtitle}</span>}
                      </EventLink>
                    );
                  })}
                </div>
              ))}
            </div>
          </div>
        </div>
      </div>
    </section>
  );
}

const navButton =
  "inline-flex min-h-9 min-w-9 items-center justify-center gap-1 rounded-md bg-white px-2.5 py-1.5 text-sm font-medium text-slate-800 ring-1 ring-inset ring-slate-300 hover:bg-slate-50 focus-ring";

function EventLink({
  placed,
  className,
  style,
  dataDay,
  dataIndex,
  children,
}: {
  placed: Placed;
  className: string;
  style?: CSSProperties;
  dataDay?: number;
  dataIndex?: number;
  children: ReactNode;
}) {
  const { event, label, start } = placed;
  const props = {
    "aria-label": label,
    title: label,
    "data-testid": "week-event",
    "data-event-id": event.id,
    "data-start": start.toISOString(),
    "data-day": dataDay,
    "data-index": dataIndex,
    className: cx(
      className,
      toneClasses[event.tone ?? "green"],
      event.tone === "red" && "[&>span:first-child]:line-through",
      "focus-visible:z-10 focus-ring",
    ),
    style,
  };
  if (event.href) {
    return (
      <Link href={event.href} {...props}>
        {children}
      </Link>
    );
  }
  return (
    <div role="article" tabIndex={0} {...props}>
      {children}
    </div>
  );
}
