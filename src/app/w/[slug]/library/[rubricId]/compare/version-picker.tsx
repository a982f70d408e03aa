import { Button, Select } from "@/components/ui";

/** Picks any two versions to compare (a plain GET form: works without JavaScript). */
export function VersionPicker({ versions, from, to }: { versions: number[]; from: number; to: number }) {
  return (
    <form
      method="get"
      className="no-print mb-6 flex flex-wrap items-end gap-3 rounded-lg bg-white p-4 ring-1 ring-slate-200"
    >
      <div>
        <label htmlFor="cmp-from" className="block text-sm font-medium">
          From version
        </label>
        <Select id="cmp-from" name="from" defaultValue={String(from)} className="w-32">
          {versions.map((v) => (
            <option key={v} value={v}>
              v{v}
            </option>
          ))}
        </Select>
      </div>
      <div>
        <label htmlFor="cmp-to" className="block text-sm font-medium">
          To version
        </label>
        <Select id="cmp-to" name="to" defaultValue={String(to)} className="w-32">
          {versions.map((v) => (
            <option key={v} value={v}>
              v{v}
            </option>
          ))}
        </Select>
      </div>
      <Button type="submit" variant="secondary">
        Compare
      </Button>
    </form>
  );
}
