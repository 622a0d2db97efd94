/** Gunicorn's log line: `[%Y-%m-%d %H:%M:%S %z] [PID] [LEVEL] message`. */
const LOG_LINE = /^\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d [+-]\d{4}\] \[(\d+)\] \[(\w+)\] (.*)$/;

/** Gunicorn's log lines as [pid, level, message]; other lines (tracebacks) left out. */
export const gunicornLogLines = (text: string) =>
  text.split('\n').flatMap((line) => {
    const match = LOG_LINE.exec(line);
    return match ? [[Number(match[1]), match[2]!, match[3]!] as const] : [];
  });
