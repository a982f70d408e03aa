"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "@/components/toast";
import { LocalTime } from "@/components/time";
import { Alert, Button, Card } from "@/components/ui";
import { ownErrors, useTRPC } from "@/trpc/react";

/** Busy times from the person's own calendar: upload an .ics export; suggestions then avoid those times. */
export function BusyImport({ workspaceId }: { workspaceId: string }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const profile = useQuery(trpc.schedule.myAvailability.queryOptions({ workspaceId }));
  const [error, setError] = useState<string | null>(null);
  const refresh = () => qc.invalidateQueries({ queryKey: trpc.schedule.pathKey() });
  const importBusy = useMutation(
    trpc.schedule.importBusy.mutationOptions({
      onSuccess: (r) => {
        setError(null);
        toast.success(`${r.busyPeriods} busy period${r.busyPeriods === 1 ? "" : "s"} imported; suggestions avoid them`);
        void refresh();
      },
      meta: ownErrors,
      onError: (err) => setError(err.message.replace(/^ics: /, "")),
    }),
  );
  async function importFile(input: HTMLInputElement) {
    const file = input.files?.[0];
    if (!file) return;
    if (file.size > 2_000_000) return setError("The file is larger than 2 MB; export a shorter period.");
    importBusy.mutate({ workspaceId, ics: await file.text() });
    input.value = "";
  }
  const clear = useMutation(trpc.schedule.clearImportedBusy.mutationOptions({ onSuccess: () => void refresh() }));
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
      {profile.data?.importedBusyAt ? (
        <p className="mt-3 text-sm text-slate-700" data-testid="busy-import-status">
          {profile.data.importedBusy} busy period{profile.data.importedBusy === 1 ? "" : "s"} from your calendar,
          imported <LocalTime value={profile.data.importedBusyAt} />.{" "}
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
