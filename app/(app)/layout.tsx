import Link from "next/link";
import type { ReactNode } from "react";
import { buttonClasses } from "@/app/_components/button";
import { NavLink } from "@/app/_components/nav-link";
import { signOutAction } from "@/app/_components/sign-out-action";
import { requirePageUser } from "@/lib/auth/page-session";

// Every page inside (app) needs a signed-in, enabled user. middleware.ts already redirected requests
// without a valid session; the layout checks again for its header, and each page's data loader checks
// for itself (a client-side navigation may render the page segment without this layout).
export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await requirePageUser();
  return (
    <div className="min-h-screen">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        Skip to content
      </a>
      <header className="border-b border-gray-200 bg-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 sm:px-6">
          <Link href="/" className="text-base font-semibold text-gray-900">
            Catalog
          </Link>
          <nav aria-label="Main" className="flex flex-1 flex-wrap items-center gap-1">
            <NavLink href="/">Catalog</NavLink>
            <NavLink href="/reports">Reports</NavLink>
            <NavLink href="/queue">Queue</NavLink>
            {user.role === "admin" && <NavLink href="/admin">Admin</NavLink>}
          </nav>
          <div className="flex items-center gap-3 text-sm">
            <span className="text-gray-700">
              <span className="sr-only">Signed in as </span>
              {user.email}
              <span className="ml-2 rounded-full bg-gray-100 px-2 py-0.5 text-xs font-medium text-gray-700">{user.role}</span>
            </span>
            <form action={signOutAction}>
              <button type="submit" className={buttonClasses("secondary", "sm")}>
                Sign out
              </button>
            </form>
          </div>
        </div>
      </header>
      <main id="main">{children}</main>
    </div>
  );
}
