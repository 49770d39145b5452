import "server-only";
import { notFound, redirect } from "next/navigation";
import { getSessionUser, type SessionUser } from "./session";

// Every page's data loader starts with one of these. The (app) layout checks too, but a client-side navigation
// (an `RSC: 1` request) may render only the page segment, so the page itself must ask the database whether the
// session's user is still enabled (and still holds the session version the cookie carries).

export async function requirePageUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in");
  return user;
}

/** Admin pages: a signed-in `user` sees a 404, not a hint that the page exists. */
export async function requirePageAdmin(): Promise<SessionUser> {
  const user = await requirePageUser();
  if (user.role !== "admin") notFound();
  return user;
}
