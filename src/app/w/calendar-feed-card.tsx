"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "@/components/toast";
import { LocalTime } from "@/components/time";
import { Button, Card } from "@/components/ui";
import { useTRPC } from "@/trpc/react";

/** The person's private calendar subscription link: made, shown once, regenerated or turned off. */
export function CalendarFeedCard() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const feed = useQuery(trpc.account.calendarFeed.queryOptions());
  const [url, setUrl] = useState<string | null>(null);
  const refresh = () => qc.invalidateQueries({ queryKey: trpc.account.calendarFeed.queryKey() });
  const create = useMutation(
    trpc.account.createCalendarFeed.mutationOptions({
      onSuccess: (r) => {
        setUrl(r.url);
        void refresh();
      },
    }),
  );
  const revoke = useMutation(
    trpc.account.revokeCalendarFeed.mutationOptions({
      onSuccess: () => {
        setUrl(null);
        toast.success("Calendar link turned off; calendars subscribed to it stop updating");
        void refresh();
      },
    }),
  );
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
      ) : feed.data?.active ? (
        <p className="text-sm text-slate-700" data-testid="feed-status">
          A link is active (made <LocalTime value={feed.data.createdAt!} />
          {feed.data.lastUsedAt ? (
            <>
              ; last read by a calendar <LocalTime value={feed.data.lastUsedAt} />
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
        <Button type="button" busy={create.isPending} onClick={() => create.mutate()}>
          {feed.data?.active ? "Make a new link (the old one stops working)" : "Make my calendar link"}
        </Button>
        {feed.data?.active && (
          <Button type="button" variant="ghost" busy={revoke.isPending} onClick={() => revoke.mutate()}>
            Turn the link off
          </Button>
        )}
      </div>
    </Card>
  );
}
