/** The not-modified and range filters: 304 for a cached copy, 206/416 for `Range: bytes=...` on static files. */
import { type Reply, statusOutcome, type StatusOutcome } from './reply.ts';
import { type RequestState, headerValue } from './request-state.ts';
import { httpDate } from './time-format.ts';

function etagOf(reply: Reply): string | undefined {
  return reply.headers.find(([name]) => name === 'ETag')?.[1];
}

/** If-None-Match (the ETag, or `*`), else If-Modified-Since equal to Last-Modified (nginx's `exact`). */
function notModified(state: RequestState, reply: Reply): boolean {
  const noneMatch = headerValue(state, 'if-none-match');
  const etag = etagOf(reply);
  if (noneMatch !== undefined) {
    const tags = noneMatch.split(',').map((tag) => tag.trim().replace(/^W\//, ''));
    return tags.includes('*') || (etag !== undefined && tags.includes(etag));
  }
  const since = headerValue(state, 'if-modified-since');
  if (since === undefined || reply.lastModifiedMs === null) return false;
  return since === httpDate(new Date(reply.lastModifiedMs)) || Date.parse(since) === reply.lastModifiedMs;
}

/** Applies to a static file's 200: what goes out instead, or the reply unchanged. */
export function applyConditionals(state: RequestState, reply: Reply): Reply | StatusOutcome {
  if (reply.status !== 200 || !reply.acceptRanges || (state.method !== 'GET' && state.method !== 'HEAD')) return reply;
  if (notModified(state, reply)) {
    return { ...reply, status: 304, contentType: null, body: new Uint8Array(0), acceptRanges: false, omitLength: true };
  }
  const range = headerValue(state, 'range');
  const single = range === undefined ? null : /^bytes=(\d*)-(\d*)$/.exec(range.trim());
  if (!single || (single[1] === '' && single[2] === '')) return reply;
  const size = reply.body.length;
  let start: number;
  let end: number;
  if (single[1] === '') {
    start = Math.max(size - Number(single[2]), 0);
    end = size - 1;
  } else {
    start = Number(single[1]);
    end = single[2] === '' ? size - 1 : Math.min(Number(single[2]), size - 1);
  }
  if (start >= size || start > end) {
    const outcome = statusOutcome(416);
    return { ...outcome, extraHeaders: [['Content-Range', `bytes */${size}`]] };
  }
  return {
    ...reply, status: 206, acceptRanges: false, body: reply.body.subarray(start, end + 1),
    trailingHeaders: [['Content-Range', `bytes ${start}-${end}/${size}`]],
  };
}
