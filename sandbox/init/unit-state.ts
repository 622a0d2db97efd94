/** A unit's ActiveState and SubState, and when they last changed, as `systemctl status` and `show` report them. */

export type ActiveState = 'active' | 'reloading' | 'inactive' | 'failed' | 'activating' | 'deactivating';

export class UnitState {
  active: ActiveState = 'inactive';
  sub = 'dead';
  /** When the state last changed (the `since` of status's Active: line); null before the first change. */
  changedAt: number | null = null;
  activeEnteredAt: number | null = null;
  activeExitedAt: number | null = null;
  inactiveEnteredAt: number | null = null;

  set(active: ActiveState, sub: string, now = Date.now()): void {
    const wasActive = this.active === 'active' || this.active === 'reloading';
    const isActive = active === 'active' || active === 'reloading';
    if (!wasActive && isActive) this.activeEnteredAt = now;
    if (wasActive && !isActive) this.activeExitedAt = now;
    if ((active === 'inactive' || active === 'failed') && this.active !== active) this.inactiveEnteredAt = now;
    if (active !== this.active || sub !== this.sub) this.changedAt = now;
    this.active = active;
    this.sub = sub;
  }
}
