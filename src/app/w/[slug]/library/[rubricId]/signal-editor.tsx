"use client";

import { useEffect, useState, type FormEvent } from "react";
import { toast } from "@/components/toast";
import { RATING_LABELS } from "@/components/anchor-grid";
import { useFormErrors } from "@/components/errors";
import { Alert, Button, Card, Field, Input, Select, Textarea } from "@/components/ui";
import { useAction } from "@/trpc/action";
import type { SignalData } from "./use-rubric";

const schemas = () => import("@/schemas/library");

const ANCHOR_LABELS = RATING_LABELS;

/** Edits one signal of the draft (or adds one): title, dimension, the four anchors and the weights by level; reports unsaved edits to the page. */
export function SignalEditor({
  workspaceId,
  rubricId,
  dimensions,
  signal,
  position,
  count,
  onSaved,
  onDirtyChange,
}: {
  workspaceId: string;
  rubricId: string;
  dimensions: { key: string; name: string }[];
  signal?: SignalData;
  position?: number;
  count?: number;
  onSaved: () => void;
  onDirtyChange: (id: string, title: string, dirty: boolean) => void;
}) {
  const prefix = signal ? `sig-${signal.id}` : "sig-new";
  const [title, setTitle] = useState(signal?.title ?? "");
  const [description, setDescription] = useState(signal?.description ?? "");
  const [dimensionKey, setDimensionKey] = useState(signal?.dimensionKey ?? dimensions[0]?.key ?? "");
  const [anchors, setAnchors] = useState<string[]>(signal?.anchors ?? ["", "", "", ""]);
  const [weights, setWeights] = useState({
    entry: String(signal?.weights.entry ?? 1),
    mid: String(signal?.weights.mid ?? 1),
    senior: String(signal?.weights.senior ?? 1),
  });
  const { errors, validate, onServerError } = useFormErrors(schemas);
  const saved = {
    title: signal?.title ?? "",
    description: signal?.description ?? "",
    dimensionKey: signal?.dimensionKey ?? dimensions[0]?.key ?? "",
    anchors: signal?.anchors ?? ["", "", "", ""],
    weights: {
      entry: String(signal?.weights.entry ?? 1),
      mid: String(signal?.weights.mid ?? 1),
      senior: String(signal?.weights.senior ?? 1),
    },
  };
  const dirty =
    title !== saved.title ||
    description !== saved.description ||
    dimensionKey !== saved.dimensionKey ||
    anchors.some((a, i) => a !== saved.anchors[i]) ||
    (["entry", "mid", "senior"] as const).some((l) => weights[l] !== saved.weights[l]);
  const cardId = signal?.id ?? "new";
  const cardTitle = signal ? signal.title : title.trim() || "the new signal";
  useEffect(() => onDirtyChange(cardId, cardTitle, dirty), [onDirtyChange, cardId, cardTitle, dirty]);
  useEffect(() => () => onDirtyChange(cardId, cardTitle, false), [onDirtyChange, cardId, cardTitle]);
  const save = useAction((api) => api.rubric.saveSignal.mutate, {
    onSuccess: (s) => {
      toast.success(signal ? `Saved "${s.title}"` : `Added "${s.title}"`);
      if (!signal) {
        setTitle("");
        setDescription("");
        setAnchors(["", "", "", ""]);
      }
      onSaved();
    },
    onError: onServerError,
  });
  // The direction being moved, for its button's busy state.
  const [moving, setMoving] = useState<"up" | "down" | null>(null);
  const move = useAction((api) => api.rubric.moveSignal.mutate, { onSuccess: onSaved });
  const moveTo = (direction: "up" | "down") => {
    if (!signal || move.isPending) return;
    setMoving(direction);
    move.mutate({ workspaceId, rubricId, signalId: signal.id, direction });
  };
  const remove = useAction((api) => api.rubric.removeSignal.mutate, {
    onSuccess: () => {
      toast.success("Signal removed from the draft");
      onSaved();
    },
  });
  async function submit(e: FormEvent) {
    e.preventDefault();
    const input = await validate((s) => s.SaveSignalInput, {
      workspaceId,
      rubricId,
      signalId: signal?.id,
      dimensionKey,
      title,
      description,
      anchors: { "1": anchors[0], "2": anchors[1], "3": anchors[2], "4": anchors[3] },
      weights: { entry: Number(weights.entry), mid: Number(weights.mid), senior: Number(weights.senior) },
    });
    if (input) save.mutate(input);
  }
  return (
    <Card title={signal ? undefined : "Add a signal"}>
      <form
        id={`signal-card-${cardId}`}
        onSubmit={(e) => void submit(e)}
        noValidate
        className="space-y-3"
        aria-label={signal ? `Signal: ${signal.title}` : "New signal"}
        data-testid={signal ? "signal-editor" : "new-signal"}
      >
        <div className="grid gap-3 sm:grid-cols-[1fr_14rem]">
          <Field label="Title" htmlFor={`${prefix}-title`} error={errors.title}>
            <Input
              id={`${prefix}-title`}
              value={title}
              onChange={(e) => setTitle(e.target.value)}
              invalid={!!errors.title}
            />
          </Field>
          <Field label="Dimension" htmlFor={`${prefix}-dim`} error={errors.dimensionKey}>
            <Select id={`${prefix}-dim`} value={dimensionKey} onChange={(e) => setDimensionKey(e.target.value)}>
              {dimensions.map((d) => (
                <option key={d.key} value={d.key}>
                  {d.name}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        <Field label="What it looks for" htmlFor={`${prefix}-desc`} error={errors.description}>
          <Input
            id={`${prefix}-desc`}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            invalid={!!errors.description}
          />
        </Field>
        <div className="grid gap-3 sm:grid-cols-2">
          {ANCHOR_LABELS.map((label, i) => (
            <Field key={label} label={`Anchor ${label}`} htmlFor={`${prefix}-a${i + 1}`}>
              <Textarea
                id={`${prefix}-a${i + 1}`}
                rows={2}
                value={anchors[i]}
                onChange={(e) => setAnchors(anchors.map((a, j) => (j === i ? e.target.value : a)))}
              />
            </Field>
          ))}
        </div>
        {errors.anchors && <Alert>Every rating needs an anchor: {errors.anchors}</Alert>}
        <fieldset className="grid grid-cols-3 gap-3">
          <legend className="mb-1 text-sm font-medium text-slate-800">Weight by level (0–5)</legend>
          {(["entry", "mid", "senior"] as const).map((level) => (
            <Field key={level} label={level[0]!.toUpperCase() + level.slice(1)} htmlFor={`${prefix}-w-${level}`}>
              <Input
                id={`${prefix}-w-${level}`}
                type="number"
                step="0.1"
                min={0}
                max={5}
                value={weights[level]}
                onChange={(e) => setWeights({ ...weights, [level]: e.target.value })}
              />
            </Field>
          ))}
        </fieldset>
        {errors.weights && <Alert>{errors.weights}</Alert>}
        <div className="flex flex-wrap gap-2">
          <Button type="submit" busy={save.isPending}>
            {signal ? "Save signal" : "Add signal"}
          </Button>
          {dirty && (
            <span className="self-center text-sm text-amber-800" data-testid="unsaved-signal">
              Unsaved changes
            </span>
          )}
          {signal && position !== undefined && count !== undefined && (
            <>
              <Button
                type="button"
                variant="secondary"
                disabled={position === 0}
                busy={move.isPending && moving === "up"}
                onClick={() => moveTo("up")}
                aria-label={`Move ${signal.title} up`}
              >
                ↑ Up
              </Button>
              <Button
                type="button"
                variant="secondary"
                disabled={position === count - 1}
                busy={move.isPending && moving === "down"}
                onClick={() => moveTo("down")}
                aria-label={`Move ${signal.title} down`}
              >
                ↓ Down
              </Button>
              <Button
                type="button"
                variant="danger"
                busy={remove.isPending}
                onClick={() => remove.mutate({ workspaceId, rubricId, signalId: signal.id })}
                aria-label={`Remove ${signal.title}`}
              >
                Remove
              </Button>
            </>
          )}
        </div>
      </form>
    </Card>
  );
}
