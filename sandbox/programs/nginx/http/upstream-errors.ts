/** How nginx reports an upstream it could not use: the error.log line and the status (502, or 504 for a timeout). */
import { type NetError, isNetError } from '../../../kernel/net.ts';
import { errnoText } from '../errno.ts';
import type { Phase } from './phase.ts';

export class UpstreamTimeout extends Error {}

/** Rejects with UpstreamTimeout when `promise` takes longer than `ms`. */
export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new UpstreamTimeout()), Math.min(ms, 2_147_483_647));
    promise.then(
      (value) => { clearTimeout(timer); resolve(value); },
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

