// The UI kit: every page builds its controls, tables and messages from these. Dialogs (Radix, ~15 KiB) are
// imported from "@/components/ui/dialog" by the pages that use them; ConfirmDialog loads its dialog on demand.
export { Alert } from "./alert";
export { Button, buttonClass, type ButtonVariant } from "./button";
export { ConfirmDialog } from "./confirm-dialog";
export { Checkbox, ChoiceSelect, Input, Select, Textarea, TimeZoneSelect } from "./controls";
export { cx } from "./cx";
export { EmptyState } from "./empty-state";
export { Field } from "./field";
export { Badge, Card, PageHeader, Skeleton } from "./layout";
export { ScrollRegion, StackedCell, StackedRow, StackedTable } from "./table";
