"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { Button } from "@/components/ui";
import { useTRPC } from "@/trpc/react";

export function AcceptButton({ token }: { token: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const accept = useMutation(
    trpc.invitation.accept.mutationOptions({
      onSuccess: (res) => {
        toast.success(`Welcome to ${res.workspaceName}`);
        router.push(`/w/${res.workspaceSlug}`);
      },
      onError: (err) => toast.error(err.message),
    }),
  );
  return (
    <Button className="mt-6" busy={accept.isPending} onClick={() => accept.mutate({ token })}>
      Accept invitation
    </Button>
  );
}
