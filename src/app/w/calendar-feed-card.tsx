"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "@/components/toast";
import { LocalTime } from "@/components/time";
import { Button, Card } from "@/components/ui";
import { useAction } from "@/trpc/action";
import type { RouterOutputs } from "@/trpc/types";

/**
 * The person's private calendar subscription link: made, shown once, regenerated or turned off. `feed` is
 * its status as the server rendered it; after a change the page is rendered again.
 */
export function CalendarFeedCard({ feed }: { feed: RouterOutputs["account"]["calendarFeed"] }) {
  const router = useRouter();
  const [url, setUrl] = useState<string | null>(null);
  const create = useAction((api) => api.account.createCalendarFeed.mutate, {
    onSuccess: (r) => {
      setUrl(r.url);
      router.refresh();
    },
  });
  const revoke = useAction((api) => api.account.revokeCalendarFeed.mutate, {
    onSuccess: () => {
      setUrl(null);
      toast.success("Calendar link turned off; calendars subscribed to it stop updating");
      router.refresh();
    },
  });
  return (
    <Card
      title="Your rounds in your own calendar"
      description="A private link to subscribe to in Google Calendar (Other calendars → From URL), Outlook (Add calendar → Subscribe from web) or Apple Calendar (File → New Calendar Subscription). It lists your rounds in every workspace and follows moves and cancellations. Anyone with the link can read it: keep it to yourself."
    >
      {url ? (
        <div className="space-y-2">
          <label htmlFor="feed-url" className="block text-sm font-medium">
            Your subscription link (shown only now; make a new one if you lose it)
          </label>
          <div className="flex flex-wrap gap-2">
            <input
              id="feed-url"
              readOnly
              value={url}
              className="min-w-0 flex-1 rounded-md px-3 py-2 font-mono text-xs ring-1 ring-slate-300"
              onFocus={(e) => e.currentTarget.select()}
            />
            <Button
              type="button"
              variant="ghost"
              onClick={() => {
                void navigator.clipboard?.writeText(url).then(() => toast.success("Link copied"));
              }}
            >
              Copy
            </Button>
          </div>
        </div>
      ) : feed.active ? (
        <p className="text-sm text-slate-700" data-testid="feed-status">
          A link is active (made <LocalTime value={feed.createdAt!} />
          {feed.lastUsedAt ? (
            <>
              ; last read by a calendar <LocalTime value={feed.lastUsedAt} />
            </>
          ) : (
            "; not read by a calendar yet"
          )}
          ).
        </p>
      ) : (
        <p className="text-sm text-slate-700" data-testid="feed-status">
          No link yet.
        </p>
      )}
      <div className="mt-3 flex flex-wrap gap-2">
        <Button type="button" busy={create.isPending} onClick={() => create.mutate(undefined)}>
          {feed.active ? "Make a new link (the old one stops working)" : "Make my calendar link"}
        </Button>
        {feed.active && (
          <Button type="button" variant="ghost" busy={revoke.isPending} onClick={() => revoke.mutate(undefined)}>
            Turn the link off
          </Button>
        )}
      </div>
    </Card>
  );
}
