/** What each phase of request handling is given: the request, the machine as the worker sees it, and the logs. */
import type { Credentials } from '../../../kernel/inode.ts';
import type { Kernel } from '../../../kernel/kernel.ts';
import type { RequestState } from './request-state.ts';

export type ErrorLevel = 'emerg' | 'alert' | 'crit' | 'error' | 'warn' | 'notice' | 'info';

export interface Phase {
  readonly state: RequestState;
  readonly kernel: Kernel;
  /** The worker processes' user (`user www-data;`): files are opened as them. */
  readonly credentials: Credentials;
  expand(template: string): string;
  /** Writes an error.log line about this request (client, server, request and host are appended). */
  error(level: ErrorLevel, message: string, extra?: string): void;
}
