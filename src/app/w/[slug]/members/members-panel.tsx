"use client";

import { useDeferredValue, useState, type FormEvent } from "react";
import { toast } from "@/components/toast";
import { useFormErrors } from "@/components/errors";
import { LocalTime } from "@/components/time";
import {
  Alert,
  Badge,
  Button,
  Card,
  EmptyState,
  Field,
  Input,
  Select,
  Skeleton,
  StackedCell,
  StackedRow,
  StackedTable,
} from "@/components/ui";
import { useUrlState } from "@/components/url-state";
import { displayName } from "@/domain/people";
import { ROLE_LABELS, ROLES, type Role } from "@/domain/roles";
import { useAction } from "@/trpc/action";
import { invalidate, useLightPages, useLightQuery, type Served } from "@/trpc/light-query";
import type { RouterOutputs } from "@/trpc/types";
import { EraseCandidate } from "./erase-candidate";
import { membersListInput } from "./list-input";

const schemas = () => import("@/schemas/member");

/** The first page of members for the filters in the URL, rendered by the server. */
export type ServedMembers = Served<ReturnType<typeof membersListInput>, RouterOutputs["member"]["page"]>;
/** The open invitations, rendered by the server (for those who manage members). */
export type ServedInvitations = Served<{ workspaceId: string }, RouterOutputs["invitation"]["list"]>;

interface MembersProps {
  workspaceId: string;
  canManage: boolean;
  canErase: boolean;
}

export function MembersPanel({
  workspaceId,
  canManage,
  canErase,
  members,
  invitations,
}: MembersProps & { members: ServedMembers | null; invitations: ServedInvitations | null }) {
  return (
    <div className="space-y-6">
      {canManage && <InviteForm workspaceId={workspaceId} />}
      <MemberTable workspaceId={workspaceId} canManage={canManage} canErase={canErase} served={members} />
      {canManage && <InvitationTable workspaceId={workspaceId} served={invitations} />}
    </div>
  );
}

/** After a write: the members and the invitations shown read again. */
const refresh = () => invalidate("member", "invitation");

function InviteForm({ workspaceId }: { workspaceId: string }) {
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("interviewer");
  const { errors, validate, onServerError } = useFormErrors(schemas);
  const invite = useAction((api) => api.invitation.create.mutate, {
    onSuccess: (inv) => {
      toast.success(`Invitation sent to ${inv.email}`);
      setEmail("");
      void refresh();
    },
    onError: onServerError,
  });
  async function submit(event: FormEvent) {
    event.preventDefault();
    const input = await validate((s) => s.CreateInvitationInput, { workspaceId, email, role });
    if (input) invite.mutate(input);
  }
  return (
    <Card
      title="Invite someone"
      description="They get an email with a link that works only for that address, for 7 days."
    >
      <form
        onSubmit={(e) => void submit(e)}
        noValidate
        className="grid gap-3 sm:grid-cols-[1fr_12rem_auto] sm:items-end"
      >
        <Field label="Email address" htmlFor="invite-email" error={errors.email}>
          <Input
            id="invite-email"
            type="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            invalid={!!errors.email}
            placeholder="name@example.com"
          />
        </Field>
        <Field label="Role" htmlFor="invite-role" error={errors.role}>
          <Select id="invite-role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </Select>
        </Field>
        <Button type="submit" busy={invite.isPending}>
          Send invitation
        </Button>
      </form>
    </Card>
  );
}

function MemberTable({ workspaceId, canManage, canErase, served }: MembersProps & { served: ServedMembers | null }) {
  const hasActions = canManage || canErase;
  // Search and role live in the URL, so a reload or a shared link keeps them (the server prefetches the
  // same first page). The last list shows while the next one loads.
  const [q, setQ] = useUrlState("q");
  const [role, setRole] = useUrlState("role");
  const input = membersListInput(workspaceId, { q: useDeferredValue(q), role });
  const members = useLightPages((api) => api.member.page.query, input, served, { keepPrevious: true });
  const changeRole = useAction((api) => api.member.changeRole.mutate, {
    onSuccess: () => {
      toast.success("Role updated");
      void refresh();
    },
    onError: () => void refresh(),
  });
  // The member whose Remove is on its way (its button shows busy).
  const [removing, setRemoving] = useState<string | null>(null);
  const remove = useAction((api) => api.member.remove.mutate, {
    onSuccess: () => {
      toast.success("Member removed");
      void refresh();
    },
  });
  const items = members.data?.pages.flatMap((p) => p.items) ?? [];
  const total = members.data?.pages[0]?.total ?? items.length;
  const filtered = !!(input.search || input.role);
  return (
    <Card title="Members">
      <form
        role="search"
        aria-label="Filter members"
        className="mb-4 grid gap-3 sm:grid-cols-[1fr_12rem]"
        onSubmit={(e) => e.preventDefault()}
      >
        <Field label="Name or email" htmlFor="member-search">
          <Input
            id="member-search"
            type="search"
            value={q}
            onChange={(e) => setQ(e.target.value)}
            placeholder="Ada, @example.com…"
          />
        </Field>
        <Field label="Show" htmlFor="member-role">
          <Select id="member-role" value={input.role ?? ""} onChange={(e) => setRole(e.target.value)}>
            <option value="">All roles</option>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </Select>
        </Field>
      </form>
      {members.isPending ? (
        <Skeleton />
      ) : members.isError ? (
        <Alert>{members.error.message}</Alert>
      ) : items.length === 0 ? (
        filtered ? (
          <EmptyState title="No members match">Search for another name or email, or choose all roles.</EmptyState>
        ) : (
          <EmptyState title="No members">Invite someone above.</EmptyState>
        )
      ) : (
        <>
          <p className="mb-2 text-sm text-slate-600" aria-live="polite" data-testid="member-count">
            {items.length === total
              ? `${total} ${total === 1 ? "member" : "members"}`
              : `${items.length} of ${total} members`}
          </p>
          {/* On phones each member is a stacked card (no sideways scrolling); a table where there is room. */}
          <StackedTable
            columns={["Name", "Email", "Role", ...(hasActions ? [{ label: "Actions", srOnly: true } as const] : [])]}
          >
            {items.map((m) => (
              <StackedRow key={m.id} data-testid="member-row">
                <StackedCell header>
                  {m.name ?? <span className="font-normal text-slate-600">(no name yet)</span>}{" "}
                  {m.isYou && <Badge tone="blue">you</Badge>}
                  {m.erased && <Badge tone="gray">erased</Badge>}
                </StackedCell>
                <StackedCell className="break-all text-slate-700">{m.email}</StackedCell>
                <StackedCell>
                  {canManage && !m.erased ? (
                    <Select
                      aria-label={`Role of ${displayName(m)}`}
                      value={m.role}
                      disabled={changeRole.isPending}
                      onChange={(e) => changeRole.mutate({ workspaceId, memberId: m.id, role: e.target.value as Role })}
                      className="w-40"
                    >
                      {ROLES.map((r) => (
                        <option key={r} value={r}>
                          {ROLE_LABELS[r]}
                        </option>
                      ))}
                    </Select>
                  ) : (
                    ROLE_LABELS[m.role]
                  )}
                </StackedCell>
                {hasActions && (
                  <StackedCell className="text-right @max-xl:text-left">
                    <div className="inline-flex flex-wrap gap-2">
                      {canErase && m.role === "candidate" && !m.erased && (
                        <EraseCandidate workspaceId={workspaceId} memberId={m.id} name={displayName(m)} />
                      )}
                      {canManage && !m.isYou && (
                        <Button
                          variant="danger"
                          busy={remove.isPending && removing === m.id}
                          onClick={() => {
                            if (
                              window.confirm(`Remove ${displayName(m)} from this workspace? They lose access at once.`)
                            ) {
                              setRemoving(m.id);
                              remove.mutate({ workspaceId, memberId: m.id });
                            }
                          }}
                        >
                          Remove
                        </Button>
                      )}
                    </div>
                  </StackedCell>
                )}
              </StackedRow>
            ))}
          </StackedTable>
        </>
      )}
      {members.hasNextPage && (
        <Button
          variant="secondary"
          className="mt-4"
          busy={members.isFetchingNextPage}
          onClick={() => void members.fetchNextPage()}
        >
          Show more ({total - items.length} more)
        </Button>
      )}
    </Card>
  );
}

const statusTone = { pending: "amber", expired: "gray", revoked: "red", accepted: "green" } as const;

function InvitationTable({ workspaceId, served }: { workspaceId: string; served: ServedInvitations | null }) {
  const invitations = useLightQuery((api) => api.invitation.list.query, { workspaceId }, served);
  // The invitation whose Resend or Revoke is on its way (its button shows busy).
  const [target, setTarget] = useState<string | null>(null);
  const resend = useAction((api) => api.invitation.resend.mutate, {
    onSuccess: (inv) => {
      toast.success(`Sent a new link to ${inv.email}`);
      void refresh();
    },
  });
  const revoke = useAction((api) => api.invitation.revoke.mutate, {
    onSuccess: (inv) => {
      toast.success(`Revoked the invitation for ${inv.email}`);
      void refresh();
    },
  });
  return (
    <Card title="Invitations" description="Open invitations. Resending sends a new link; the old one stops working.">
      {invitations.isPending ? (
        <Skeleton rows={2} />
      ) : invitations.isError ? (
        <Alert>{invitations.error.message}</Alert>
      ) : invitations.data.length === 0 ? (
        <EmptyState title="No open invitations">
          Invite a coach, interviewer or candidate with the form above.
        </EmptyState>
      ) : (
        <ul className="divide-y divide-slate-100">
          {invitations.data.map((inv) => (
            <li
              key={inv.id}
              className="flex flex-wrap items-center justify-between gap-3 py-2"
              data-testid="invitation-row"
            >
              <div className="min-w-0 text-sm break-words">
                <span className="font-medium">{inv.email}</span> · {ROLE_LABELS[inv.role]} ·{" "}
                <Badge tone={statusTone[inv.status]}>{inv.status}</Badge>
                <p className="text-xs text-slate-600">
                  Expires <LocalTime value={inv.expiresAt} style="short" /> · sent {inv.sentCount}×
                </p>
              </div>
              {inv.status !== "revoked" && (
                <div className="flex gap-2">
                  <Button
                    variant="secondary"
                    busy={resend.isPending && target === inv.id}
                    onClick={() => {
                      setTarget(inv.id);
                      resend.mutate({ workspaceId, invitationId: inv.id });
                    }}
                  >
                    Resend
                  </Button>
                  <Button
                    variant="danger"
                    busy={revoke.isPending && target === inv.id}
                    onClick={() => {
                      setTarget(inv.id);
                      revoke.mutate({ workspaceId, invitationId: inv.id });
                    }}
                  >
                    Revoke
                  </Button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
