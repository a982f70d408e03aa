"use client";

import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useState, type ReactNode } from "react";
import { cx, Select } from "@/components/ui";

export function WorkspaceSwitcher({
  current,
  workspaces,
}: {
  current: string;
  workspaces: { slug: string; name: string }[];
}) {
  const router = useRouter();
  return (
    <div className="mb-4">
      <label htmlFor="ws-switcher" className="mb-1 block text-xs font-medium tracking-wide text-slate-600 uppercase">
        Workspace
      </label>
      <Select
        id="ws-switcher"
        value={current}
        onChange={(e) => router.push(e.target.value === "__all" ? "/w" : `/w/${e.target.value}`)}
      >
        {workspaces.map((w) => (
          <option key={w.slug} value={w.slug}>
            {w.name}
          </option>
        ))}
        <option value="__all">All workspaces / new…</option>
      </Select>
    </div>
  );
}

/** Sections are active on their sub-pages too (a rubric inside the library). */
function isActive(pathname: string, href: string) {
  return pathname === href || (href.split("/").length > 3 && pathname.startsWith(`${href}/`));
}

/**
 * The workspace navigation: always open beside the page on wide screens; on phones a Menu button (naming the
 * current page) opens it, and it closes again when a page is chosen.
 */
export function CollapsibleNav({ items, children }: { items: { href: string; label: string }[]; children: ReactNode }) {
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  useEffect(() => setOpen(false), [pathname]);
  const current = items.find((i) => isActive(pathname, i.href))?.label;
  return (
    <>
      <div className="flex items-center justify-between gap-3 md:hidden">
        <p className="font-semibold text-brand-700">Loopwise</p>
        <button
          type="button"
          aria-expanded={open}
          aria-controls="workspace-nav-panel"
          onClick={() => setOpen(!open)}
          className="inline-flex items-center gap-2 rounded-md px-3 py-2 text-sm font-medium text-slate-800 ring-1 focus-ring ring-slate-300"
        >
          <span aria-hidden>{open ? "✕" : "☰"}</span>
          {open ? "Close menu" : "Menu"}
          {!open && current && <span className="font-normal text-slate-600">· {current}</span>}
        </button>
      </div>
      <div id="workspace-nav-panel" className={cx(open ? "mt-4 block" : "hidden", "md:mt-0 md:block")}>
        <p className="mb-4 hidden font-semibold text-brand-700 md:block">Loopwise</p>
        {children}
      </div>
    </>
  );
}

export function AppNav({ items }: { items: { href: string; label: string }[] }) {
  const pathname = usePathname();
  return (
    <ul className="flex flex-col gap-1">
      {items.map((item) => {
        const active = isActive(pathname, item.href);
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={active ? "page" : undefined}
              className={cx(
                "block rounded-md px-3 py-2 text-sm font-medium whitespace-nowrap",
                active ? "bg-brand-50 text-brand-800" : "text-slate-700 hover:bg-slate-100",
              )}
            >
              {item.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
