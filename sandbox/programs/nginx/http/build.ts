/** Turning a checked configuration into servers, as nginx's init phase does, with the errors `nginx -t` reports. */
import { isFsError } from '../../../kernel/errors.ts';
import { type Credentials, ROOT } from '../../../kernel/inode.ts';
import type { Kernel } from '../../../kernel/kernel.ts';
import type { ConfDirective, ConfigProblem, HttpBuildOptions } from '../contract.ts';
import { errnoText } from '../errno.ts';
import { type AddressTable, ListenError, type ListenSpec, buildAddressTables, parseListen } from './listens.ts';
import { buildLocations } from './locations.ts';
import { DEFAULT_ACCESS_LOG, DEFAULT_ERROR_LOG, type ErrorLogTarget, accessLogsOf, errorLogTarget, logFormats } from './logs.ts';
import type { Location, LocationTable, VirtualServer } from './model.ts';
import { NGINX_PREFIX } from './paths.ts';
import { type VariableMap, buildMaps } from './maps.ts';
import { type ProxyTarget, parseProxyUrl } from './proxy-target.ts';
import { RegexError, compileRegex } from './regex.ts';
import { conditionParts } from './rewrite.ts';
import { Scope } from './scope.ts';
import { addServerName } from './server-names.ts';
import { type UpstreamGroup, buildUpstream } from './upstreams.ts';
import { unknownVariable } from './variable-check.ts';

export interface BuiltHttp {
  http: Scope;
  tables: AddressTable[];
  upstreams: Map<string, UpstreamGroup>;
  targets: Map<ConfDirective, ProxyTarget>;
  formats: Map<string, string>;
  maps: Map<string, VariableMap>;
  mainErrorLog: ErrorLogTarget | null;
  credentials: Credentials;
  prefix: string;
  warnings: ConfigProblem[];
}

const fail = (message: string, directive?: ConfDirective): never => {
  throw new ListenError(directive ? { level: 'emerg', message, file: directive.file, line: directive.line } : { level: 'emerg', message });
};

function regexFailure(directive: ConfDirective, error: unknown): never {
  if (error instanceof RegexError) fail(error.message, directive);
  throw error;
}

/** The worker user's credentials (`user www-data;`, nobody by default); a master that is not root keeps its own. */
function workerCredentials(main: Scope, kernel: Kernel, master: Credentials): Credentials {
  if (master.uid !== 0) return master;
  const directive = main.own('user')[0];
  const name = directive?.args[0] ?? 'nobody';
  const user = kernel.users.byName(name);
  if (!user) return fail(`getpwnam("${name}") failed`, directive);
  const credentials = kernel.users.credentialsOf(user);
  const groupName = directive?.args[1];
  if (!groupName) return credentials;
  const group = kernel.users.groups().find((entry) => entry.name === groupName);
  if (!group) return fail(`getgrnam("${groupName}") failed`, directive);
  return { ...credentials, gid: group.gid, groups: [group.gid, ...credentials.groups] };
}

function* locationsIn(table: LocationTable): Generator<Location> {
  for (const location of [...table.statics, ...table.regexes, ...table.named.values()]) {
    yield location;
    yield* locationsIn(location.nested);
  }
}

function* blocksWithin(directives: readonly ConfDirective[], insideIf: boolean): Generator<{ directive: ConfDirective; insideIf: boolean }> {
  for (const directive of directives) {
    yield { directive, insideIf };
    if (directive.block && directive.name === 'if') yield* blocksWithin(directive.block, true);
  }
}

/** Regexes in rewrite and if: nginx compiles them at start and reports a bad one there. */
function checkScriptRegexes(directives: readonly ConfDirective[]): void {
  for (const { directive } of blocksWithin(directives, false)) {
    try {
      if (directive.name === 'rewrite' && directive.args[0]) compileRegex(directive.args[0], false);
      if (directive.name === 'if') {
        const parts = conditionParts(directive.args);
        const operator = parts.findIndex((arg) => /^!?~\*?$/.test(arg));
        const pattern = operator >= 0 ? parts[operator + 1] : undefined;
        if (pattern) compileRegex(pattern, parts[operator]!.endsWith('*'));
      }
    } catch (error) {
      regexFailure(directive, error);
    }
  }
}

function buildServer(directive: ConfDirective, http: Scope, kernel: Kernel): { server: VirtualServer; names: string[]; listens: ListenSpec[] } {
  const scope = new Scope(directive.block ?? [], http);
  const names = scope.own('server_name').flatMap((entry) => entry.args).map((name) => (name === '$hostname' ? kernel.hostname : name));
  for (const entry of scope.own('server_name')) {
    for (const name of entry.args) {
      if (name.startsWith('~')) {
        try {
          compileRegex(name.slice(1), true);
        } catch (error) {
          regexFailure(entry, error);
        }
      }
    }
  }
  const resolve = (host: string) => kernel.net.resolve(host);
  const listenDirectives = scope.own('listen');
  const listens = listenDirectives.length > 0
    ? listenDirectives.map((listen) => parseListen(listen, resolve))
    : [{ address: { family: 'tcp' as const, host: '0.0.0.0', port: 80 }, text: '0.0.0.0:80', defaultServer: false, ssl: false, directive }];
  if (listens.some((listen) => listen.ssl) && scope.all('ssl_certificate').length === 0) {
    fail('no "ssl_certificate" is defined for the "listen ... ssl" directive', directive);
  }
  checkScriptRegexes(scope.directives);
  const locations = buildLocations(scope, regexFailure);
  for (const location of locationsIn(locations)) checkScriptRegexes(location.scope.directives);
  const server: VirtualServer = { scope, primaryName: names[0] ?? '', locations, directive };
  return { server, names: names.length > 0 ? names : [''], listens };
}

/** proxy_pass targets known at start (those without variables), checked as nginx checks them. */
function buildTargets(servers: VirtualServer[], upstreams: Map<string, UpstreamGroup>, kernel: Kernel): Map<ConfDirective, ProxyTarget> {
  const targets = new Map<ConfDirective, ProxyTarget>();
  const resolve = (host: string) => kernel.net.resolve(host);
  const visit = (directives: readonly ConfDirective[], uriForbidden: boolean) => {
    for (const { directive, insideIf } of blocksWithin(directives, false)) {
      if (directive.name !== 'proxy_pass') continue;
      const url = directive.args[0] ?? '';
      const hasUri = /^https?:\/\/(unix:[^:]*:.+|[^/]+\/.*)$/i.test(url);
      if (hasUri && !url.includes('$') && (uriForbidden || insideIf)) {
        fail('"proxy_pass" cannot have URI part in location given by regular expression, or inside named location, or inside "if" statement, or inside "limit_except" block', directive);
      }
      if (!url.includes('$')) targets.set(directive, parseProxyUrl(url, directive, upstreams, resolve));
    }
  };
  for (const server of servers) {
    for (const location of locationsIn(server.locations)) visit(location.scope.directives, location.kind === 'regex' || location.kind === 'named');
  }
  return targets;
}

/** The last regex server_name has groups: nginx then looks names up even for a lone server (cscf->captures). */
function capturesNames(names: readonly string[]): boolean {
  const last = names.filter((name) => name.startsWith('~')).at(-1);
  return last !== undefined && compileRegex(last.slice(1), true).groupCount > 0;
}

/**
 * Fills each address's name table. nginx hashes the names only where it has
 * to choose (several servers, or a default server whose name captures), and
 * only there warns about a conflict or stops at an invalid wildcard.
 */
function addServerNames(tables: readonly AddressTable[], built: readonly { server: VirtualServer; names: string[] }[]): ConfigProblem[] {
  const warnings: ConfigProblem[] = [];
  for (const table of tables) {
    const entries = built.filter((entry) => table.servers.includes(entry.server));
    const hashed = table.servers.length > 1 || capturesNames(entries.find((entry) => entry.server === table.defaultServer)?.names ?? []);
    for (const { server, names } of entries) {
      for (const name of names) {
        const added = addServerName(table.names, name, server);
        if (hashed && added === 'invalid') throw new ListenError({ level: 'emerg', message: `invalid server name or wildcard "${name}" on ${table.text}` }, warnings);
        if (hashed && added === 'conflict') warnings.push({ level: 'warn', message: `conflicting server name "${name}" on ${table.text}, ignored` });
      }
    }
  }
  return warnings;
}

/** Creates each log file the configuration names, as the master opens them at start (its errors name no place). */
function openLogs(kernel: Kernel, paths: Iterable<string>, master: Credentials): void {
  for (const path of paths) {
    try {
      kernel.vfs.openForWrite(path, master, '/', {});
    } catch (error) {
      if (!isFsError(error)) throw error;
      fail(`open() "${path}" failed (${errnoText(error)})`);
    }
  }
}

export function buildHttp(main: readonly ConfDirective[], kernel: Kernel, options: HttpBuildOptions = {}): BuiltHttp {
  const master = options.credentials ?? ROOT;
  const prefix = options.prefix ?? NGINX_PREFIX;
  const mainScope = new Scope(main, null);
  const httpDirective = main.find((directive) => directive.name === 'http');
  const http = new Scope(httpDirective?.block ?? [], mainScope);
  const credentials = workerCredentials(mainScope, kernel, master);
  const upstreams = new Map<string, UpstreamGroup>();
  const resolve = (host: string) => kernel.net.resolve(host);
  for (const directive of http.own('upstream')) upstreams.set(directive.args[0] ?? '', buildUpstream(directive, resolve));
  const built = http.own('server').map((directive) => buildServer(directive, http, kernel));
  const tables = buildAddressTables(built);
  const targets = buildTargets(built.map(({ server }) => server), upstreams, kernel);
  const unknown = unknownVariable(httpDirective?.block ?? []);
  if (unknown) fail(`unknown "${unknown}" variable`);
  const warnings = addServerNames(tables, built);
  const mainErrorDirective = mainScope.own('error_log')[0];
  const mainErrorLog = mainErrorDirective ? errorLogTarget(mainErrorDirective, prefix) : { path: DEFAULT_ERROR_LOG, level: 'error' as const };
  const formats = logFormats(http);
  let maps = new Map<string, VariableMap>();
  try {
    maps = buildMaps(http.directives);
  } catch (error) {
    regexFailure(http.own('map')[0]!, error);
  }
  // The main error_log is the nginx program's to open; these are the http{} logs.
  const logFiles: string[] = [];
  const scopes = [http, ...built.flatMap(({ server }) => [server.scope, ...[...locationsIn(server.locations)].map((location) => location.scope)])];
  for (const scope of scopes) {
    for (const directive of scope.own('error_log')) {
      const target = errorLogTarget(directive, prefix);
      if (target) logFiles.push(target.path);
    }
    for (const directive of scope.own('access_log')) {
      for (const target of accessLogsOf(new Scope([directive], null), formats, prefix)) if (!target.path.includes('$')) logFiles.push(target.path);
    }
  }
  if (http.own('access_log').length === 0) logFiles.push(DEFAULT_ACCESS_LOG);
  openLogs(kernel, logFiles, master);
  return { http, tables, upstreams, targets, formats, maps, mainErrorLog, credentials, prefix, warnings };
}
