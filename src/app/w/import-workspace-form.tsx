"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { toast } from "@/components/toast";
import { Alert, Button, Card, Field, Input } from "@/components/ui";

/** Imports a workspace.json from a Loopwise export as a new workspace (docs/export.md). */
export function ImportWorkspaceForm() {
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!file) {
      setError("Choose the workspace.json file of an export.");
      return;
    }
    setError(null);
    setBusy(true);
    try {
      const query = name.trim() ? `?name=${encodeURIComponent(name.trim())}` : "";
      const res = await fetch(`/api/workspace-import${query}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: file,
      });
      const body = (await res.json().catch(() => ({}))) as { slug?: string; name?: string; message?: string };
      if (!res.ok || !body.slug) {
        setError(body.message ?? "The import failed; nothing was written.");
        return;
      }
      toast.success(`Imported ${body.name ?? "the workspace"}`);
      router.push(`/w/${body.slug}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card
      title="Import a workspace"
      description="From the workspace.json of a Loopwise export: it becomes a new workspace that you own."
    >
      <form onSubmit={(e) => void submit(e)} noValidate className="space-y-4">
        <Field label="Export file (workspace.json)" htmlFor="import-file">
          <input
            id="import-file"
            type="file"
            accept="application/json,.json"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            className="block w-full text-sm text-slate-700 focus-ring file:mr-3 file:rounded-md file:border-0 file:bg-slate-100 file:px-3 file:py-2 file:text-sm file:font-medium"
          />
        </Field>
        <Field label="Name (optional)" htmlFor="import-name">
          <Input id="import-name" value={name} onChange={(e) => setName(e.target.value)} placeholder="As exported" />
        </Field>
        {error && (
          <Alert tone="error" boxed>
            {error}
          </Alert>
        )}
        <Button type="submit" variant="secondary" busy={busy} className="w-full">
          Import workspace
        </Button>
      </form>
    </Card>
  );
}
