// Migrations of `local:alerts`, numbered like lib/extension/storage/migrations: key N migrates a
// stored value of version N-1 to version N, one file per step (`alerts-00N.ts` + its test). Version 1
// is the first shipped shape, so the table is empty; the convention test keeps it contiguous.
export const ALERT_STORE_MIGRATIONS: Record<number, (previous: unknown) => unknown> = {};
