import { checkGatewayPass, checkProxyPass, checkUpstreamServer } from './check-address.ts';
import { checkBitmask, checkBuffers, checkKeepalive, checkUpstream } from './check-core.ts';
import type { Context, DirectiveRow } from './directive-types.ts';
import {
  H_S_L, HTTP, LOC, LOC_LIF, LOC_LIF_LMT, UPS,
  block, flag, msec, number, offset, oneOf, size, string, take,
} from './table-build.ts';

const NEXT_UPSTREAM = ['error', 'timeout', 'invalid_header', 'http_500', 'http_502', 'http_503', 'http_504', 'http_403', 'http_404', 'http_429', 'non_idempotent', 'off', 'updating'];

/** What proxy_, fastcgi_, uwsgi_ and scgi_ share: ngx_http_upstream's buffering, timeouts, caching. */
function gatewayRows(prefix: string, passContexts: readonly Context[], pass: DirectiveRow['check']): DirectiveRow[] {
  const p = (name: string) => `${prefix}_${name}`;
  return [
    take(p('pass'), passContexts, 'TAKE1', { check: pass }),
    take(p('store'), H_S_L, 'TAKE1'),
    take(p('store_access'), H_S_L, 'TAKE123'),
    flag(p('buffering'), H_S_L),
    flag(p('request_buffering'), H_S_L),
    flag(p('ignore_client_abort'), H_S_L),
    take(p('bind'), H_S_L, 'TAKE12'),
    flag(p('socket_keepalive'), H_S_L),
    msec(p('connect_timeout'), H_S_L),
    msec(p('send_timeout'), H_S_L),
    msec(p('read_timeout'), H_S_L),
    flag(p('intercept_errors'), H_S_L),
    size(p('buffer_size'), H_S_L),
    take(p('buffers'), H_S_L, 'TAKE2', { check: checkBuffers }),
    size(p('busy_buffers_size'), H_S_L),
    flag(p('force_ranges'), H_S_L),
    size(p('limit_rate'), H_S_L),
    take(p('cache'), H_S_L, 'TAKE1'),
    take(p('cache_key'), H_S_L, 'TAKE1'),
    take(p('cache_path'), HTTP, '2MORE'),
    take(p('cache_bypass'), H_S_L, '1MORE'),
    take(p('no_cache'), H_S_L, '1MORE'),
    take(p('cache_valid'), H_S_L, '1MORE'),
    number(p('cache_min_uses'), H_S_L),
    offset(p('cache_max_range_offset'), H_S_L),
    take(p('cache_use_stale'), H_S_L, '1MORE', { check: checkBitmask(NEXT_UPSTREAM) }),
    take(p('cache_methods'), H_S_L, '1MORE'),
    flag(p('cache_lock'), H_S_L),
    msec(p('cache_lock_timeout'), H_S_L),
    msec(p('cache_lock_age'), H_S_L),
    flag(p('cache_revalidate'), H_S_L),
    flag(p('cache_background_update'), H_S_L),
    take(p('temp_path'), H_S_L, 'TAKE1234'),
    size(p('max_temp_file_size'), H_S_L),
    size(p('temp_file_write_size'), H_S_L),
    take(p('next_upstream'), H_S_L, '1MORE', { check: checkBitmask(NEXT_UPSTREAM) }),
    number(p('next_upstream_tries'), H_S_L),
    msec(p('next_upstream_timeout'), H_S_L),
    take(p('pass_header'), H_S_L, 'TAKE1'),
    take(p('hide_header'), H_S_L, 'TAKE1'),
    take(p('ignore_headers'), H_S_L, '1MORE'),
    flag(p('pass_request_headers'), H_S_L),
    flag(p('pass_request_body'), H_S_L),
  ];
}

function sslRows(prefix: string): DirectiveRow[] {
  const p = (name: string) => `${prefix}_ssl_${name}`;
  return [
    flag(p('session_reuse'), H_S_L),
    take(p('protocols'), H_S_L, '1MORE', { check: checkBitmask(['sslv2', 'sslv3', 'tlsv1', 'tlsv1.1', 'tlsv1.2', 'tlsv1.3']) }),
    string(p('ciphers'), H_S_L),
    take(p('name'), H_S_L, 'TAKE1'),
    flag(p('server_name'), H_S_L),
    flag(p('verify'), H_S_L),
    number(p('verify_depth'), H_S_L),
    string(p('trusted_certificate'), H_S_L),
    string(p('crl'), H_S_L),
    take(p('certificate'), H_S_L, 'TAKE1'),
    take(p('certificate_key'), H_S_L, 'TAKE1'),
    take(p('password_file'), H_S_L, 'TAKE1'),
    take(p('conf_command'), H_S_L, 'TAKE2'),
  ];
}

/** The proxy, FastCGI, uwsgi, SCGI and gRPC gateways, and upstream blocks. */
export const GATEWAY_DIRECTIVES: readonly DirectiveRow[] = [
  ...gatewayRows('proxy', LOC_LIF_LMT, checkProxyPass),
  take('proxy_redirect', H_S_L, 'TAKE12'),
  take('proxy_cookie_domain', H_S_L, 'TAKE12'),
  take('proxy_cookie_path', H_S_L, 'TAKE12'),
  take('proxy_cookie_flags', H_S_L, 'TAKE1234'),
  take('proxy_set_header', H_S_L, 'TAKE2'),
  number('proxy_headers_hash_max_size', H_S_L),
  number('proxy_headers_hash_bucket_size', H_S_L),
  take('proxy_set_body', H_S_L, 'TAKE1'),
  take('proxy_method', H_S_L, 'TAKE1'),
  oneOf('proxy_http_version', H_S_L, ['1.0', '1.1']),
  size('proxy_send_lowat', H_S_L),
  flag('proxy_cache_convert_head', H_S_L),
  ...sslRows('proxy'),

  ...gatewayRows('fastcgi', LOC_LIF, checkGatewayPass(null)),
  string('fastcgi_index', H_S_L),
  take('fastcgi_split_path_info', LOC, 'TAKE1'),
  take('fastcgi_param', H_S_L, 'TAKE23'),
  flag('fastcgi_keep_conn', H_S_L),
  take('fastcgi_catch_stderr', H_S_L, 'TAKE1'),

  ...gatewayRows('uwsgi', LOC_LIF, checkGatewayPass('uwsgi')),
  take('uwsgi_param', H_S_L, 'TAKE23'),
  number('uwsgi_modifier1', H_S_L),
  number('uwsgi_modifier2', H_S_L),
  ...sslRows('uwsgi'),

  ...gatewayRows('scgi', LOC_LIF, checkGatewayPass(null)),
  take('scgi_param', H_S_L, 'TAKE23'),

  take('grpc_pass', LOC_LIF, 'TAKE1'),
  take('grpc_set_header', H_S_L, 'TAKE2'),
  msec('grpc_connect_timeout', H_S_L),
  msec('grpc_send_timeout', H_S_L),
  msec('grpc_read_timeout', H_S_L),

  block('upstream', HTTP, 'TAKE1', 'upstream', checkUpstream),
  take('server', UPS, '1MORE', { check: checkUpstreamServer }),
  take('keepalive', UPS, 'TAKE1', { check: checkKeepalive }),
  msec('keepalive_timeout', UPS),
  number('keepalive_requests', UPS),
  msec('keepalive_time', UPS),
  take('least_conn', UPS, 'NOARGS'),
  take('ip_hash', UPS, 'NOARGS'),
  take('hash', UPS, 'TAKE12'),
  take('random', UPS, 'NOARGS_TAKE12'),
  take('zone', UPS, 'TAKE12'),
];

