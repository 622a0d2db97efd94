/** The running http service: one request in, one response out, logs written on the way. */
import type { Kernel } from '../../../kernel/kernel.ts';
import { type HttpRequest, type HttpResponse, NetError, type SocketAddress } from '../../../kernel/net.ts';
import type { HttpService } from '../contract.ts';
import type { BuiltHttp } from './build.ts';
import { applyConditionals } from './conditional.ts';
import { expiresHeaders } from './expires.ts';
import { boundAddresses, tableFor } from './listens.ts';
import { appendLog, accessLogsOf, errorLine, errorLogOf, levelLogged, logEscape } from './logs.ts';
import { withCharset } from './mime.ts';
import type { ErrorLevel, Phase } from './phase.ts';
import { MAX_REDIRECTS, type UpstreamHandlers, runPhases } from './phases.ts';
import { gatewayPass } from './gateways.ts';
import { proxyPass } from './proxy.ts';
import { type Outcome, type Reply, statusOutcome } from './reply.ts';
import { parseRequest } from './request-line.ts';
import { type RequestState, headerValue } from './request-state.ts';
import { findServerByName } from './server-names.ts';
import { SERVER_TOKEN, builtinPage, closesConnection, dropsConnection, hasBuiltinPage, reasonPhrase, sentStatus } from './status.ts';
import { httpDate } from './time-format.ts';
import { parseDuration } from './upstreams.ts';
import { Variables } from './variables.ts';

/** Statuses add_header applies to without `always`. */
const ADD_HEADER_STATUSES = new Set([200, 201, 204, 206, 301, 302, 303, 304, 307, 308]);
const encoder = new TextEncoder();

export class NginxHttpService implements HttpService {
  readonly listens: readonly SocketAddress[];
  private connections = 0;
  private readonly variables: Variables;

  constructor(
    private readonly kernel: Kernel,
    private readonly built: BuiltHttp,
  ) {
    this.listens = boundAddresses(built.tables);
    this.variables = new Variables(() => kernel.hostname, built.maps);
  }

  /** The worker's pid for error.log and $pid: a child of the process that holds the listening socket, else that process. */
  private workerPid(listen: SocketAddress): number {
    const listener = this.kernel.net.listeners().find(({ address }) =>
      address.family === listen.family && (address.family === 'unix' ? listen.family === 'unix' && address.path === listen.path : listen.family === 'tcp' && address.host === listen.host && address.port === listen.port));
    if (!listener) return 1;
    const workers = this.kernel.processes.list().filter((process) => process.ppid === listener.pid && process.argv[0] === 'nginx: worker process');
    // Connections are spread over the workers; the access order is what nginx's accept mutex would give.
    return workers.length > 0 ? workers[this.connections % workers.length]!.pid : listener.pid;
  }

  async handle(request: HttpRequest, listen: SocketAddress): Promise<HttpResponse> {
    const workerPid = this.workerPid(listen);
    const table = tableFor(this.built.tables, listen, request.localAddress, request.localPort);
    if (!table) throw new NetError('ECONNRESET');
    const connection = ++this.connections;
    const parsed = parseRequest(request, { mergeSlashes: table.defaultServer.scope.flag('merge_slashes', true) });
    request = parsed.ok ? parsed.request : { ...request, headers: request.headers.slice(0, parsed.headersRead) };
    const hostHeader = request.headers.find(([name]) => name.toLowerCase() === 'host')?.[1];
    // Without a Host header nginx looks up the empty name (`server_name ""`).
    const named = parsed.ok ? findServerByName(table.names, parsed.host ?? '') : null;
    const server = named?.server ?? table.defaultServer;
    const state: RequestState = {
      request, connection, workerPid, startedMs: Date.now(), prefix: this.built.prefix, method: request.method, https: table.ssl,
      requestLine: `${request.method} ${request.target} ${request.httpVersion}`,
      requestUri: parsed.ok ? parsed.target : request.target,
      host: (parsed.ok && parsed.host) || server.primaryName,
      uri: parsed.ok ? parsed.uri : request.target,
      args: parsed.ok ? parsed.args : '',
      server, scope: server.scope, location: null,
      captures: named?.captures ?? { numbered: [], named: {} },
      userVariables: new Map(), redirects: 0, uriChanged: false, validLocation: true, errorPageUsed: false, internal: false,
      status: 0, bodyBytesSent: 0, bytesSent: 0, upstream: null, proxyTarget: null, upstreamHeaders: [], sentHeaders: [],
    };
    const phase = this.phaseFor(state, hostHeader);
    let outcome: Outcome;
    if (!parsed.ok) {
      phase.error('info', parsed.reason);
      outcome = statusOutcome(parsed.status ?? 400);
    } else {
      outcome = await runPhases(phase, this.handlers);
    }
    const reply = await this.finish(phase, outcome);
    const response = this.serialize(phase, reply);
    this.writeAccessLog(state);
    if (dropsConnection(reply.status)) throw new NetError('ECONNRESET');
    return response;
  }

  private readonly handlers: UpstreamHandlers = {
    proxy: (phase) => this.proxy(phase),
    gateway: (phase, directive) => gatewayPass(phase, directive, this.built.upstreams),
  };

  private proxy(phase: Phase): Promise<Outcome> {
    return proxyPass(phase, {
      kernel: this.kernel,
      upstreams: this.built.upstreams,
      targets: this.built.targets,
      nextConnection: () => ++this.connections,
    });
  }

  private phaseFor(state: RequestState, hostHeader: string | undefined): Phase {
    const { kernel, built, variables } = this;
    return {
      state, kernel, credentials: built.credentials,
      expand: (template) => variables.expand(template, state),
      error(level: ErrorLevel, message: string, extra = '') {
        const target = errorLogOf(state.scope, built.mainErrorLog, built.prefix);
        if (!target || !levelLogged(target, level)) return;
        const remote = variables.value('remote_addr', state) ?? '';
        const host = hostHeader === undefined ? '' : `, host: "${hostHeader}"`;
        const referrer = headerValue(state, 'referer');
        const tail = `, client: ${remote}, server: ${state.server.primaryName}, request: "${state.requestLine}"${extra}${host}${referrer ? `, referrer: "${referrer}"` : ''}`;
        appendLog(kernel, target.path, errorLine(level, state.workerPid, state.connection, message + tail));
      },
    };
  }

  /** error_page, then nginx's own page for a status nobody answered. */
  private async finish(phase: Phase, outcome: Outcome): Promise<Reply> {
    const { state } = phase;
    if (outcome.kind === 'reply') {
      const filtered = applyConditionals(state, outcome);
      // The range filter answers 416 after add_header already ran once for the 200: those headers stay.
      if (filtered.kind === 'status') return this.ownPage(phase, filtered.status, undefined, [...this.addedHeaders(phase, 200), ...(filtered.extraHeaders ?? [])]);
      outcome = filtered;
      if (state.scope.flag('proxy_intercept_errors', false) && outcome.status >= 300 && state.upstream && !state.errorPageUsed) {
        const page = await this.errorPage(phase, outcome.status);
        if (page) return page;
      }
      return outcome;
    }
    if (outcome.kind !== 'status') return this.ownPage(phase, 500);
    if (!state.errorPageUsed) {
      const page = await this.errorPage(phase, outcome.status);
      if (page) return page;
    }
    return this.ownPage(phase, outcome.status, outcome.location, outcome.extraHeaders);
  }

  private async errorPage(phase: Phase, status: number): Promise<Reply | null> {
    const { state } = phase;
    for (const directive of state.scope.all('error_page')) {
      const args = directive.args;
      const target = args[args.length - 1]!;
      const overwrite = args.length >= 2 && args[args.length - 2]!.startsWith('=') ? args[args.length - 2]! : null;
      const codes = args.slice(0, overwrite ? -2 : -1).map(Number);
      if (!codes.includes(status)) continue;
      state.errorPageUsed = true;
      state.internal = true;
      const newStatus = overwrite === '=' ? null : overwrite ? Number(overwrite.slice(1)) : status;
      const uri = phase.expand(target);
      if (!uri.startsWith('/') && !uri.startsWith('@')) {
        const redirect = newStatus && [301, 302, 303, 307, 308].includes(newStatus) ? newStatus : 302;
        return this.ownPage(phase, redirect, uri);
      }
      if (state.method !== 'HEAD') state.method = 'GET';
      let result: Outcome;
      if (uri.startsWith('@')) {
        const named = state.server.locations.named.get(uri);
        if (!named) {
          phase.error('error', `could not find named location "${uri}"`);
          return this.ownPage(phase, 500);
        }
        result = await runPhases(phase, this.handlers, { kind: 'named', location: named });
      } else {
        const question = uri.indexOf('?');
        state.uri = question < 0 ? uri : uri.slice(0, question);
        state.args = question < 0 ? '' : uri.slice(question + 1);
        state.uriChanged = true;
        if (++state.redirects > MAX_REDIRECTS) {
          phase.error('error', `rewrite or internal redirection cycle while internally redirecting to "${state.uri}"`);
          return this.ownPage(phase, 500);
        }
        result = await runPhases(phase, this.handlers);
      }
      // With recursive_error_pages, the page's own error may have an error_page too.
      if (result.kind === 'status' && state.scope.flag('recursive_error_pages', false)) {
        state.errorPageUsed = false;
        return this.finish(phase, result);
      }
      if (result.kind !== 'reply') return this.ownPage(phase, result.kind === 'status' ? result.status : 500, result.kind === 'status' ? result.location : undefined);
      const closeConnection = closesConnection(status);
      return newStatus && result.status === 200 ? { ...result, status: newStatus, reason: undefined, closeConnection } : { ...result, closeConnection };
    }
    return null;
  }

  private ownPage(phase: Phase, status: number, location?: string, extraHeaders: [string, string][] = []): Reply {
    const scope = phase.state.scope;
    const page = hasBuiltinPage(status);
    const absolute = location !== undefined && !location.startsWith('/');
    return {
      kind: 'reply', status,
      contentType: page ? withCharset(scope, 'text/html') : null,
      lastModifiedMs: null,
      location: location !== undefined && !absolute ? location : null,
      chunked: false,
      headers: absolute ? [['Location', location], ...extraHeaders] : extraHeaders,
      acceptRanges: false,
      closeConnection: closesConnection(status),
      body: page ? encoder.encode(builtinPage(status, scope.flag('server_tokens', true))) : new Uint8Array(0),
    };
  }

  private absoluteLocation(state: RequestState, location: string): string {
    if (!state.scope.flag('absolute_redirect', true)) return location;
    const hostHeader = headerValue(state, 'host') !== undefined || /^https?:\/\//i.test(state.request.target);
    const local = state.request.localAddress.replace(/^::ffff:/, '');
    const host = state.scope.flag('server_name_in_redirect', false) ? state.server.primaryName : hostHeader ? state.host : local;
    const port = state.request.localPort;
    const portText = state.scope.flag('port_in_redirect', true) && port && port !== (state.https ? 443 : 80) ? `:${port}` : '';
    return `${state.https ? 'https' : 'http'}://${host}${portText}${location}`;
  }

  /** add_header's headers for a status: the usual successes and redirects, or any with `always`. */
  private addedHeaders(phase: Phase, status: number): [string, string][] {
    const added: [string, string][] = [];
    for (const directive of phase.state.scope.all('add_header')) {
      const [name = '', value = '', always] = directive.args;
      if (!ADD_HEADER_STATUSES.has(status) && always !== 'always') continue;
      const expanded = phase.expand(value);
      if (expanded !== '') added.push([name, expanded]);
    }
    return added;
  }

  private serialize(phase: Phase, reply: Reply): HttpResponse {
    const { state } = phase;
    const { request } = state;
    const status = sentStatus(reply.status);
    // nginx's own 204 goes out as headers only (an upstream's, sent with its status line, keeps its headers).
    if (status === 204 && reply.reason === undefined) reply = { ...reply, contentType: null, omitLength: true, lastModifiedMs: null, chunked: false, body: new Uint8Array(0) };
    const wantsKeepAlive = request.httpVersion === 'HTTP/1.1' ? headerValue(state, 'connection')?.toLowerCase() !== 'close' : headerValue(state, 'connection')?.toLowerCase() === 'keep-alive';
    const [keepaliveTimeout = '75s', keepaliveHeader] = state.scope.one('keepalive_timeout')?.args ?? [];
    // An HTTP/1.0 client cannot take chunks: the end of the body is the end of the connection.
    const keepAlive = !reply.closeConnection && wantsKeepAlive && !(reply.chunked && request.httpVersion !== 'HTTP/1.1') && parseDuration(keepaliveTimeout, 75_000) > 0;
    // A HEAD answer has no body to frame, so it carries no Transfer-Encoding either.
    const chunked = reply.chunked && request.httpVersion === 'HTTP/1.1' && state.method !== 'HEAD';
    const headers: [string, string][] = [['Server', state.scope.flag('server_tokens', true) ? SERVER_TOKEN : 'nginx'], ['Date', httpDate(new Date())]];
    if (reply.contentType) headers.push(['Content-Type', reply.contentType]);
    if (!reply.chunked && !reply.omitLength) headers.push(['Content-Length', String(reply.body.length)]);
    if (reply.lastModifiedMs !== null && (status === 200 || status === 206 || status === 304)) headers.push(['Last-Modified', httpDate(new Date(reply.lastModifiedMs))]);
    if (reply.location !== null) headers.push(['Location', reply.location.startsWith('/') ? this.absoluteLocation(state, reply.location) : reply.location]);
    if (chunked) headers.push(['Transfer-Encoding', 'chunked']);
    headers.push(['Connection', keepAlive ? 'keep-alive' : 'close']);
    if (keepAlive && keepaliveHeader !== undefined) headers.push(['Keep-Alive', `timeout=${Math.floor(parseDuration(keepaliveHeader, 0) / 1000)}`]);
    headers.push(...reply.headers);
    if (ADD_HEADER_STATUSES.has(status)) headers.push(...expiresHeaders(state.scope, new Date()));
    headers.push(...this.addedHeaders(phase, status));
    if (reply.acceptRanges && status === 200) headers.push(['Accept-Ranges', 'bytes']);
    headers.push(...(reply.trailingHeaders ?? []));
    const body = state.method === 'HEAD' || dropsConnection(status) ? new Uint8Array(0) : reply.body;
    state.status = status;
    // A chunked body goes out as one chunk and the last one: its framing counts as sent.
    state.bodyBytesSent = chunked && body.length > 0 ? body.length + body.length.toString(16).length + 4 + 5 : chunked ? 5 : body.length;
    state.sentHeaders = headers;
    const reason = reply.reason ?? reasonPhrase(status);
    const head = `HTTP/1.1 ${status} ${reason}\r\n${headers.map(([name, value]) => `${name}: ${value}\r\n`).join('')}\r\n`;
    state.bytesSent = encoder.encode(head).length + state.bodyBytesSent;
    return { httpVersion: 'HTTP/1.1', status, reason, headers, body };
  }

  private writeAccessLog(state: RequestState): void {
    for (const target of accessLogsOf(state.scope, this.built.formats, this.built.prefix)) {
      const line = target.format.replace(/\$(?:\{(\w+)\}|([A-Za-z_]\w*|\d))/g, (_, braced: string | undefined, bare: string | undefined) => logEscape(this.variables.value((braced ?? bare)!, state)));
      appendLog(this.kernel, this.variables.expand(target.path, state), `${line}\n`);
    }
  }
}
