/** How nginx reports an upstream it could not use: the error.log line and the status (502, or 504 for a timeout). */
import { type NetError, isNetError } from '../../../kernel/net.ts';
import { errnoText } from '../errno.ts';
import type { Phase } from './phase.ts';

export class UpstreamTimeout extends Error {}

/**
 * Rejects with UpstreamTimeout when `start()`'s promise takes longer than
 * `ms`. An upstream that held the whole thread (Python's time.sleep) answers
 * before the timer can fire, so the time it took is checked too.
 */
export function withTimeout<T>(start: () => Promise<T>, ms: number): Promise<T> {
  const started = Date.now();
  const promise = start();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new UpstreamTimeout()), Math.min(ms, 2_147_483_647));
    promise.then(
      (value) => {
        clearTimeout(timer);
        if (Date.now() - started >= ms) reject(new UpstreamTimeout());
        else resolve(value);
      },
      (error: unknown) => { clearTimeout(timer); reject(error); },
    );
  });
}

/** Logs a failed attempt (`socketName` for a Unix socket peer) and says which status it earns. */
export function logFailure(phase: Phase, socketName: string | null, error: unknown, upstreamField: string): 502 | 504 {
  const upstream = `, upstream: "${upstreamField}"`;
  if (error instanceof UpstreamTimeout) {
    phase.error('error', 'upstream timed out (110: Connection timed out) while reading response header from upstream', upstream);
    return 504;
  }
  const code = isNetError(error) ? error.code : 'ECONNRESET';
  if (code === 'ECONNRESET') {
    phase.error('error', 'upstream prematurely closed connection while reading response header from upstream', upstream);
    return 502;
  }
  const errno = errnoText(error as NetError);
  if (socketName) {
    phase.error(code === 'ECONNREFUSED' ? 'error' : 'crit', `connect() to ${socketName} failed (${errno}) while connecting to upstream`, upstream);
  } else {
    phase.error('error', `connect() failed (${errno}) while connecting to upstream`, upstream);
  }
  return 502;
}

