// Moved to the UI kit (src/components/ui/table.tsx); kept until the last importers switch to "@/components/ui".
export { ScrollRegion, StackedCell, StackedRow, StackedTable } from "./ui/table";
