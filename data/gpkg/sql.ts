/** Quotes an SQL identifier (table or column name, which may be Chinese) for SQLite. */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
