"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/** A top-navigation link that marks the current section (aria-current) for screen readers and the eye. */
export function NavLink({ href, children }: { href: string; children: string }) {
  const pathname = usePathname() ?? "/";
  const active = href === "/" ? pathname === "/" || pathname.startsWith("/videos") : pathname === href || pathname.startsWith(`${href}/`);
  return (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      className={`rounded-md px-3 py-1.5 text-sm font-medium ${
        active ? "bg-gray-900 text-white" : "text-gray-700 hover:bg-gray-100 hover:text-gray-900"
      }`}
    >
      {children}
    </Link>
  );
}
