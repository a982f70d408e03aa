import { Badge } from "@/components/ui";

export interface ProgressView {
  stage: "shadow" | "reverse_shadow" | "exercise" | "sign_off" | "qualified";
  shadows: { done: number; required: number };
  reverseShadows: { done: number; required: number };
  exercise: { required: boolean; passed: boolean };
  next: string;
}

function Step({ label, done, required }: { label: string; done: number; required: number }) {
  const pct = required === 0 ? 100 : Math.round((done / required) * 100);
  return (
    <div className="min-w-32 flex-1">
      <div className="flex justify-between text-xs text-slate-700">
        <span>{label}</span>
        <span>
          {done} of {required}
        </span>
      </div>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={required}
        aria-valuenow={done}
        className="mt-1 h-2 rounded-full bg-slate-100"
      >
        <div className="h-2 rounded-full bg-brand-600" style={{ width: `${pct}%` }} />
      </div>
    </div>
  );
}

const STAGE: Record<ProgressView["stage"], { label: string; tone: "gray" | "amber" | "green" | "blue" }> = {
  shadow: { label: "Shadowing", tone: "gray" },
  reverse_shadow: { label: "Reverse-shadowing", tone: "blue" },
  exercise: { label: "Calibration exercise", tone: "blue" },
  sign_off: { label: "Ready for sign-off", tone: "amber" },
  qualified: { label: "Qualified", tone: "green" },
};

/** A trainee's path as its steps: shadows, reverse-shadows, the exercise when the path asks for one, sign-off. */
export function ProgressSteps({ progress }: { progress: ProgressView }) {
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-end gap-4">
        <Step label="Shadows" {...progress.shadows} />
        <Step label="Reverse-shadows" {...progress.reverseShadows} />
        {progress.exercise.required && (
          <Step label="Calibration exercise" done={progress.exercise.passed ? 1 : 0} required={1} />
        )}
        <Badge tone={STAGE[progress.stage].tone}>{STAGE[progress.stage].label}</Badge>
      </div>
    </div>
  );
}
