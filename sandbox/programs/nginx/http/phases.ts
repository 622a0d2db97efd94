/** nginx's phases for one request: server rewrites, find location, location rewrites, try_files, content; and error_page. */
import type { ConfDirective } from '../contract.ts';
import { accessVerdict, limitExceptScope } from './access.ts';
import { basicAuthEnabled, checkBasicAuth } from './auth-basic.ts';
import { gatewayDirectiveOf } from './gateways.ts';
import { findLocation } from './locations.ts';
import type { Location } from './model.ts';
import type { Phase } from './phase.ts';
import { afterMatch } from './regex.ts';
import { type Outcome, type Reply, type StatusOutcome, statusOutcome } from './reply.ts';
import { runRewrites } from './rewrite.ts';
import type { Scope } from './scope.ts';
import { serveStatic } from './static-files.ts';
import { tryFiles } from './try-files.ts';

/** nginx stops following rewrites and internal redirects after this many. */
export const MAX_REDIRECTS = 10;
const DEFAULT_BODY_LIMIT = 1024 * 1024;

/** The content handlers that talk to upstreams: proxy_pass, and fastcgi_pass and its kin. */
export interface UpstreamHandlers {
  proxy(phase: Phase): Promise<Outcome>;
  gateway(phase: Phase, directive: ConfDirective): Promise<Outcome>;
}

/** `10m`, `512k`, `0` as bytes. */
export function parseSize(text: string): number {
  const match = /^(\d+)([kKmMgG]?)$/.exec(text);
  if (!match) return DEFAULT_BODY_LIMIT;
  const unit = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[match[2]!.toLowerCase()]!;
  return Number(match[1]) * unit;
}

type Entry = { kind: 'server-rewrite' } | { kind: 'find' } | { kind: 'named'; location: Location };

/** Runs the request until it ends in a reply or a status nginx answers itself. */
export async function runPhases(phase: Phase, handlers: UpstreamHandlers, entry: Entry = { kind: 'server-rewrite' }): Promise<Reply | Exclude<Outcome, Reply>> {
  const { state } = phase;
  let next: Entry = entry;
  for (;;) {
    if (state.redirects > MAX_REDIRECTS) {
      phase.error('error', `rewrite or internal redirection cycle while processing "${state.uri}"`);
      return statusOutcome(500);
    }
    if (next.kind === 'server-rewrite') {
      state.scope = state.server.scope;
      state.location = null;
      const result = runRewrites(phase, state.server.scope);
      if (result.kind === 'outcome') return result.outcome;
      next = { kind: 'find' };
    }
    let location: Location | null;
    if (next.kind === 'named') {
      location = next.location;
    } else {
      const match = findLocation(state.server.locations, state.uri);
      if (match.kind === 'redirect') return statusOutcome(301, `${state.uri}/${state.args ? `?${state.args}` : ''}`);
      location = match.location;
      if (match.captures) state.captures = afterMatch(state.captures, match.captures);
    }
    if (location && !state.internal && location.scope.own('internal').length > 0) return statusOutcome(404);
    state.location = location;
    state.validLocation = true;
    state.scope = location?.scope ?? state.server.scope;
    const limit = parseSize(state.scope.arg('client_max_body_size', '1m'));
    const length = state.request.body.length;
    if (limit > 0 && length > limit) {
      phase.error('error', `client intended to send too large body: ${length} bytes`);
      return statusOutcome(413);
    }
    // A method that limit_except leaves out runs with the block's configuration, which has no rewrite directives.
    const limited = location ? limitExceptScope(location.scope, state.method) : null;
    if (limited) state.scope = limited;
    if (location && !limited) {
      const uriBefore = state.uri;
      const result = runRewrites(phase, location.scope);
      if (result.kind === 'outcome') return result.outcome;
      if (result.kind === 'last' || (result.kind === 'continue' && state.uri !== uriBefore)) {
        state.redirects++;
        next = { kind: 'find' };
        continue;
      }
    }
    const outcome = await content(phase, handlers);
    if (outcome.kind === 'internal') {
      state.uri = outcome.uri;
      state.args = outcome.args;
      state.uriChanged = true;
      state.internal = true;
      state.redirects++;
      next = { kind: 'server-rewrite' };
      continue;
    }
    if (outcome.kind === 'named') {
      const named = state.server.locations.named.get(outcome.name);
      if (!named) {
        phase.error('error', `could not find named location "${outcome.name}"`);
        return statusOutcome(500);
      }
      state.redirects++;
      state.internal = true;
      next = { kind: 'named', location: named };
      continue;
    }
    return outcome;
  }
}

async function content(phase: Phase, handlers: UpstreamHandlers): Promise<Outcome> {
  const { state } = phase;
  const refused = await accessPhase(phase);
  if (refused) return refused;
  const home = state.location?.scope ?? state.server.scope;
  const tries = home.own('try_files')[0];
  if (tries) {
    const tried = tryFiles(phase, tries.args);
    if (tried) return tried;
  }
  if (proxyDirectiveOf(state.scope, home)) return handlers.proxy(phase);
  const gateway = gatewayDirectiveOf(state.scope, home);
  if (gateway) return handlers.gateway(phase, gateway);
  return serveStatic(phase);
}

/**
 * allow/deny, then auth_basic. With `satisfy all` each must let the request
 * in; with `satisfy any` one allowing is enough, and when none does the
 * refusal is auth_basic's (a 401 wins over a 403), or allow/deny's 403.
 */
async function accessPhase(phase: Phase): Promise<StatusOutcome | null> {
  const { state } = phase;
  const client = state.request.remoteAddress === '' ? 'unix:' : state.request.remoteAddress;
  const verdict = accessVerdict(state.scope, client);
  if (state.scope.arg('satisfy', 'all') === 'all') {
    if (verdict === 'deny') {
      phase.error('error', 'access forbidden by rule');
      return statusOutcome(403);
    }
    return checkBasicAuth(phase);
  }
  if (verdict === 'allow') return null;
  const refused = basicAuthEnabled(state.scope) ? await checkBasicAuth(phase) : verdict === 'deny' ? statusOutcome(403) : null;
  if (refused?.status === 403) phase.error('error', 'access forbidden by rule');
  return refused;
}

/** proxy_pass of the location, or of an `if` inside it that holds. */
export function proxyDirectiveOf(scope: Scope, home: Scope): ConfDirective | undefined {
  for (let level: Scope | null = scope; level; level = level.parent) {
    const found = level.own('proxy_pass')[0];
    if (found || level === home) return found;
  }
  return undefined;
}
