/**
 * Just enough of a terminal to see what a program drew: one row per line,
 * printable characters overwrite, and the cursor moves with CR, LF, BS and the
 * CSI sequences the sandbox writes (n D, n C, K, H, 2J; colours are ignored).
 * A bare LF moves down without going back to column 0, as on a real terminal.
 */
export class Screen {
  rows: string[][] = [[]];
  row = 0;
  col = 0;

  write(data: string): void {
    let index = 0;
    while (index < data.length) {
      const csi = /^\x1b\[([\d;]*)([A-Za-z])/.exec(data.slice(index));
      if (csi) {
        this.csi(csi[1]!, csi[2]!);
        index += csi[0].length;
        continue;
      }
      const char = data[index++]!;
      if (char === '\r') this.col = 0;
      else if (char === '\n') {
        this.row++;
        this.rows[this.row] ??= [];
      } else if (char === '\b') this.col = Math.max(0, this.col - 1);
      else {
        const line = this.rows[this.row]!;
        while (line.length < this.col) line.push(' ');
        line[this.col++] = char;
      }
    }
  }

  private csi(parameters: string, command: string): void {
    const count = Number(parameters || '1');
    const line = this.rows[this.row]!;
    if (command === 'm') return;
    if (command === 'D') this.col = Math.max(0, this.col - count);
    else if (command === 'C') this.col += count;
    else if (command === 'K') line.length = Math.min(line.length, this.col);
    else if (command === 'H' && parameters === '') [this.row, this.col] = [0, 0];
    // Erasing the display here also forgets what scrolled off: the rows start again.
    else if (command === 'J' && parameters === '2') [this.rows, this.row] = [[[]], 0];
    else throw new Error(`unexpected escape sequence: ESC[${parameters}${command}`);
  }

  /** The row the cursor is on, as text. */
  get line(): string {
    return this.rows[this.row]!.join('');
  }

  /** Every row, as text. */
  lines(): string[] {
    return this.rows.map((row) => row.join(''));
  }
}
