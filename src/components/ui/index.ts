// The UI kit: every page builds its controls, tables, messages and dialogs from these.
export { Alert } from "./alert";
export { Button, buttonClass, type ButtonVariant } from "./button";
export { Checkbox, ChoiceSelect, Input, Select, Textarea, TimeZoneSelect } from "./controls";
export { cx } from "./cx";
export { ConfirmDialog, Dialog } from "./dialog";
export { EmptyState } from "./empty-state";
export { Field } from "./field";
export { Badge, Card, PageHeader, Skeleton } from "./layout";
export { ScrollRegion, StackedCell, StackedRow, StackedTable } from "./table";
