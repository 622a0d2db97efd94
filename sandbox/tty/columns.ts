/** Names in columns down then across, as bash lists completions (and ls does). */
export function formatColumns(names: readonly string[], width: number): string {
  const cell = Math.max(...names.map((name) => name.length)) + 2;
  const columns = Math.max(1, Math.floor((width + 2) / cell));
  const rows = Math.ceil(names.length / columns);
  let text = '';
  for (let row = 0; row < rows; row++) {
    const line: string[] = [];
    for (let column = 0; column < columns; column++) {
      const name = names[column * rows + row];
      if (name !== undefined) line.push(name);
    }
    text += `${line.map((name, index) => (index === line.length - 1 ? name : name.padEnd(cell))).join('')}\n`;
  }
  return text;
}
