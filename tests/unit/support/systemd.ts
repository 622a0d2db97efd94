import type { ExecResult, Machine } from '../../../sandbox/index.ts';

/** What systemctl answers when all it has to say goes to standard error. */
export function stderrOnly(stderr: string, exitCode: number): ExecResult {
  return { stdout: '', stderr, exitCode };
}

/** The unit's main PID, as `systemctl show` gives it ('0' when none runs). */
export async function mainPid(machine: Machine, unit: string): Promise<string> {
  return (await machine.exec(`systemctl show -p MainPID --value ${unit}`)).stdout.trim();
}
