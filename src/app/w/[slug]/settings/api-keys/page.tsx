import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui";
import { serve } from "@/trpc/server";
import { loadWorkspaceWith } from "../../workspace-context";
import { ApiKeysPanel } from "./api-keys-panel";

export const metadata: Metadata = { title: "API keys" };
export const dynamic = "force-dynamic";

export default async function ApiKeysPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const ws = await loadWorkspaceWith(slug, "apikey.manage");
  const input = { workspaceId: ws.id };
  const [keys, members] = await Promise.all([
    serve(input, (api) => api.apiKey.list),
    serve(input, (api) => api.member.list),
  ]);
  return (
    <>
      <PageHeader
        title="API keys"
        description="Keys let other tools use this workspace through the REST API, with the rights of the person each key acts as."
      />
      <p className="mb-6 text-sm text-slate-700">
        Send a key as <code className="font-mono">Authorization: Bearer lw_live_…</code>. The{" "}
        <Link href="/docs/api" className="underline focus-ring">
          API reference
        </Link>{" "}
        lists every endpoint; tools can read the{" "}
        <a href="/api/v1/openapi.json" className="underline focus-ring">
          OpenAPI document
        </a>
        .
      </p>
      <ApiKeysPanel workspaceId={ws.id} keys={keys} members={members} />
    </>
  );
}
