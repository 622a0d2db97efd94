/** Lays out rows as ps, df and free do: each column as wide as its widest cell. */
export type Align = 'left' | 'right';

export function formatTable(rows: readonly (readonly string[])[], align: readonly Align[], minWidths: readonly number[] = []): string[] {
  const widths = align.map((_, column) => Math.max(minWidths[column] ?? 0, ...rows.map((row) => (row[column] ?? '').length)));
  return rows.map((row) =>
    row
      .map((cell, column) => {
        const isLast = column === row.length - 1;
        if (align[column] === 'right') return cell.padStart(widths[column]!);
        return isLast ? cell : cell.padEnd(widths[column]!);
      })
      .join(' '),
  );
}

/** Two-digit zero padding for clocks. */
export function pad2(value: number): string {
  return String(value).padStart(2, '0');
}

/** `15:02`, as ps shows a start time. */
export function clockMinutes(ms: number): string {
  const date = new Date(ms);
  return `${pad2(date.getUTCHours())}:${pad2(date.getUTCMinutes())}`;
}
