/** StartLimitBurst= starts within StartLimitIntervalSec=, and no more: systemd's guard against restart loops. */
import type { UnitSettings } from './units/types.ts';

export class StartLimit {
  private startTimes: number[] = [];

  /** Counts a start; false when this one would be one too many (`Start request repeated too quickly.`). */
  allows({ startLimitBurst, startLimitIntervalSec }: UnitSettings, now = Date.now()): boolean {
    if (startLimitIntervalSec === 0 || startLimitBurst === 0) return true;
    this.startTimes = this.startTimes.filter((time) => now - time < startLimitIntervalSec * 1000);
    if (this.startTimes.length >= startLimitBurst) return false;
    this.startTimes.push(now);
    return true;
  }

  reset(): void {
    this.startTimes = [];
  }
}
