"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "@/components/toast";
import { LocalTime } from "@/components/time";
import { Alert, Button, Card } from "@/components/ui";
import { useAction } from "@/trpc/action";

/** Busy times from the person's own calendar: upload an .ics export; suggestions then avoid those times. */
export function BusyImport({
  workspaceId,
  importedBusy,
  importedBusyAt,
}: {
  workspaceId: string;
  /** From the viewer's availability profile, rendered by the server (refreshed after each change). */
  importedBusy: number;
  importedBusyAt: Date | null;
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const refresh = () => router.refresh();
  const importBusy = useAction((api) => api.schedule.importBusy.mutate, {
    onSuccess: (r) => {
      setError(null);
      toast.success(`${r.busyPeriods} busy period${r.busyPeriods === 1 ? "" : "s"} imported; suggestions avoid them`);
      refresh();
    },
    errorToast: false,
    onError: (err) => setError((err instanceof Error ? err.message : String(err)).replace(/^ics: /, "")),
  });
  async function importFile(input: HTMLInputElement) {
    const file = input.files?.[0];
    if (!file) return;
    if (file.size > 2_000_000) return setError("The file is larger than 2 MB; export a shorter period.");
    importBusy.mutate({ workspaceId, ics: await file.text() });
    input.value = "";
  }
  const clear = useAction((api) => api.schedule.clearImportedBusy.mutate, { onSuccess: refresh });
  return (
    <Card
      title="Busy times from your calendar"
      description="Export your calendar as an .ics file (Google Calendar: Settings → Import & export; Outlook: Save calendar; Apple Calendar: File → Export) and upload it. Loopwise keeps only when you are busy in the next 90 days — no titles or details — and suggested slots avoid those times. Upload again to refresh."
    >
      <label htmlFor="busy-ics" className="block text-sm font-medium">
        Calendar file (.ics)
      </label>
      <input
        id="busy-ics"
        type="file"
        accept=".ics,text/calendar"
        className="mt-1 block text-sm"
        onChange={(e) => void importFile(e.target)}
      />
      {error && <Alert className="mt-2">{error}</Alert>}
      {importedBusyAt ? (
        <p className="mt-3 text-sm text-slate-700" data-testid="busy-import-status">
          {importedBusy} busy period{importedBusy === 1 ? "" : "s"} from your calendar, imported{" "}
          <LocalTime value={importedBusyAt} />.{" "}
          <Button variant="ghost" busy={clear.isPending} onClick={() => clear.mutate({ workspaceId })}>
            Remove them
          </Button>
        </p>
      ) : (
        <p className="mt-3 text-sm text-slate-600">Nothing imported yet.</p>
      )}
    </Card>
  );
}
