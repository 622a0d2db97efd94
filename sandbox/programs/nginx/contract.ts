/**
 * What the two halves of nginx agree on. config/ reads the files (syntax,
 * includes, directive contexts and arguments) into a tree of directives; http/
 * turns a checked tree into the servers that answer requests. The nginx
 * program (index.ts) runs both: `nginx -t` stops after building, the master
 * binds the listens and hands each connection to the service.
 */
import type { Credentials } from '../../kernel/inode.ts';
import type { Kernel } from '../../kernel/kernel.ts';
import type { HttpRequest, HttpResponse, SocketAddress } from '../../kernel/net.ts';

/** One directive as written: `name arg...;` or `name arg... { block }`, where it was written. */
export interface ConfDirective {
  name: string;
  /** Arguments with quotes and escapes resolved; variables are left as written (`$host`). */
  args: string[];
  /** The block's directives, or null for a simple directive. Includes are already expanded in place. */
  block: ConfDirective[] | null;
  file: string;
  line: number;
}

/** A message nginx prints while reading or building its configuration: `nginx: [emerg] MESSAGE in FILE:LINE`. */
export interface ConfigProblem {
  /** `crit` is a file nginx could open but not read (a directory matched by an include). */
  level: 'emerg' | 'crit' | 'warn';
  message: string;
  /** Absent for messages nginx prints without a place (`no "events" section in configuration`). */
  file?: string;
  line?: number;
}

/** What the master needs to serve: where to listen, how to answer, and the files it logs to. */
export interface HttpService {
  readonly listens: readonly SocketAddress[];
  /** Answers one request that reached `listen` (one of `listens`), writing the access and error logs. */
  handle(request: HttpRequest, listen: SocketAddress): Promise<HttpResponse>;
}

export type HttpBuildResult =
  | { ok: true; service: HttpService; warnings: ConfigProblem[] }
  | { ok: false; error: ConfigProblem; warnings: ConfigProblem[] };

/** Who runs nginx and where (`-p`): both optional, for a master started by root with Ubuntu's prefix. */
export interface HttpBuildOptions {
  /** The master's credentials. When not root, `user` is ignored: workers read files and connect as this user, and logs are opened as it. */
  credentials?: Credentials;
  /** The prefix relative paths resolve against (`root html`, `access_log logs/a.log`); /usr/share/nginx/ by default. */
  prefix?: string;
}

/**
 * Builds the http{} part of a checked configuration, as nginx's init phase
 * does: server tables per address, server names, upstreams (resolving their
 * hosts), log files. Fails the way `nginx -t` reports it (duplicate default
 * server, host not found in upstream, ...).
 */
export type BuildHttpService = (main: readonly ConfDirective[], kernel: Kernel, options?: HttpBuildOptions) => HttpBuildResult;
