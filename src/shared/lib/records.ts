// Small immutable helpers for the stores' records by id.

/** The record without `key`. */
export function omit<T>(record: Record<string, T>, key: string): Record<string, T> {
  const { [key]: _dropped, ...rest } = record
  return rest
}

/** The record with only its `max` latest entries (in insertion order): what a phone keeps of old drafts. */
export function keepLatest<T>(record: Record<string, T>, max: number): Record<string, T> {
  const entries = Object.entries(record)
  return entries.length > max ? Object.fromEntries(entries.slice(-max)) : record
}
