"use client";

// "Your data" on the account page (docs/privacy.md): download everything Loopwise holds about you as one
// JSON file, and erase your account.
import { toast } from "@/components/toast";
import { Button, Card, ConfirmDialog } from "@/components/ui";
import { useAction } from "@/trpc/action";

/** Saves `data` as a JSON file through a temporary link (the browser's own download). */
function saveJson(data: unknown, fileName: string) {
  const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: "application/json" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}

export function YourData({ email, canErase }: { email: string | null; canErase: boolean }) {
  const erase = useAction((api) => api.account.eraseMine.mutate, {
    onSuccess: () => {
      toast.success("Your account and personal data were erased.");
      // The erasure deleted the session itself (signing out would find nothing to delete); a full load of
      // the sign-in page leaves nothing of the account in the browser.
      // eslint-disable-next-line @next/next/no-location-assign-relative-destination -- see above
      window.location.assign("/sign-in");
    },
  });
  // Asked afresh on each click: nothing is cached.
  const download = useAction((api) => api.account.exportMine.query, {
    onSuccess: (data) => saveJson(data, `loopwise-my-data-${data.exportedAt.slice(0, 10)}.json`),
  });
  return (
    <Card
      title="Your data"
      description="Everything Loopwise holds about you: your account, memberships, loops with their rounds, and the feedback released to you."
    >
      <div className="flex flex-wrap gap-3">
        <Button variant="secondary" busy={download.isPending} onClick={() => download.mutate()}>
          Download my data (JSON)
        </Button>
        {canErase && email && (
          <ConfirmDialog
            trigger={
              <Button variant="danger" busy={erase.isPending}>
                Erase my account
              </Button>
            }
            title="Erase your account and personal data?"
            description="Your name, email, availability, reports, invitations and emails are deleted in every workspace, and you are signed out. Interviewers' numeric ratings of your rounds stay, anonymised, so their calibration does not change. This cannot be undone."
            typed={{ label: `Type your email (${email}) to confirm`, expected: email }}
            confirmLabel="Erase my account"
            onConfirm={() => erase.mutate({ confirmEmail: email })}
          />
        )}
      </div>
    </Card>
  );
}
