"use client";

import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { cx, Select } from "@/components/ui";

export function WorkspaceSwitcher({ current, workspaces }: { current: string; workspaces: { slug: string; name: string }[] }) {
  const router = useRouter();
  return (
    <div className="mb-4">
      <label htmlFor="ws-switcher" className="mb-1 block text-xs font-medium uppercase tracking-wide text-slate-600">
        Workspace
      </label>
      <Select id="ws-switcher" value={current} onChange={(e) => router.push(e.target.value === "__all" ? "/w" : `/w/${e.target.value}`)}>
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

export function AppNav({ items }: { items: { href: string; label: string }[] }) {
  const pathname = usePathname();
  return (
    <ul className="flex gap-1 overflow-x-auto md:flex-col">
      {items.map((item) => {
        // Sections are active on their sub-pages too (a rubric inside the library).
        const active = pathname === item.href || (item.href.split("/").length > 3 && pathname.startsWith(`${item.href}/`));
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={active ? "page" : undefined}
              className={cx("block whitespace-nowrap rounded-md px-3 py-2 text-sm font-medium", active ? "bg-brand-50 text-brand-800" : "text-slate-700 hover:bg-slate-100")}
            >
              {item.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
