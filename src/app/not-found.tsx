import Link from "next/link";

export default function NotFound() {
  return (
    <main id="main" className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-6">
      <h1 className="text-2xl font-semibold">Not found</h1>
      <p className="mt-2 text-slate-700">This page does not exist, or you do not have access to it.</p>
      <Link href="/w" className="mt-6 text-sm font-medium text-brand-700 hover:underline">
        Go to your workspaces
      </Link>
    </main>
  );
}
