import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { buttonClasses } from "@/app/_components/button";
import { googleEnabled } from "@/lib/auth/config";
import { getSessionUser } from "@/lib/auth/session";
import { messageForSignInError, safeCallbackUrl } from "@/lib/auth/sign-in-messages";
import { signInWithGoogleAction } from "./actions";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(first(params.callbackUrl));
  // Already signed in (and still allowed in): nothing to do here.
  if (await getSessionUser()) redirect(callbackUrl);
  const initialError = messageForSignInError(first(params.error), first(params.code));

  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm space-y-6">
        <div className="text-center">
          <p className="text-sm font-semibold uppercase tracking-wide text-gray-500">Catalog</p>
          <h1 className="mt-1 text-2xl font-semibold text-gray-900">Sign in</h1>
          <p className="mt-1 text-sm text-gray-600">YouTube CMS catalog for the rights team.</p>
        </div>
        <div className="space-y-4 rounded-lg border border-gray-200 bg-white p-6 shadow-sm">
          <SignInForm callbackUrl={callbackUrl} initialError={initialError} />
          {googleEnabled() && (
            <>
              <div className="flex items-center gap-3 text-xs text-gray-500" aria-hidden="true">
                <span className="h-px flex-1 bg-gray-200" /> or <span className="h-px flex-1 bg-gray-200" />
              </div>
              <form action={signInWithGoogleAction}>
                <input type="hidden" name="callbackUrl" value={callbackUrl} />
                <button type="submit" className={`${buttonClasses("secondary")} w-full`}>
                  Continue with Google
                </button>
              </form>
            </>
          )}
        </div>
        <p className="text-center text-xs text-gray-500">No account? Ask an admin to add you.</p>
      </div>
    </main>
  );
}
