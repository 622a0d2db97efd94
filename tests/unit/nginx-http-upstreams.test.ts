import { describe, expect, it } from 'vitest';
import { echoUpstream, log, request, start } from './nginx-http-harness.ts';

const UPSTREAMS = `upstream w { server 127.0.0.1:8001 weight=2; server 127.0.0.1:8002; }
upstream bk { server 127.0.0.1:8009; server 127.0.0.1:8002 backup; }
upstream allbad { server 127.0.0.1:8009; server 127.0.0.1:8008; }
upstream mf { server 127.0.0.1:8009 max_fails=2 fail_timeout=30s; server 127.0.0.1:8001; }
upstream gone { server 127.0.0.1:8001 down; server 127.0.0.1:8002; }
upstream sticky { ip_hash; server 127.0.0.1:8009; server 127.0.0.1:8001 weight=3; server 127.0.0.1:8002; }
server { listen 8080;
  location /w/ { proxy_pass http://w; }
  location /bk/ { proxy_pass http://bk; }
  location /allbad/ { proxy_pass http://allbad; }
  location /mf/ { proxy_pass http://mf; }
  location /gone/ { proxy_pass http://gone; }
  location /sticky/ { proxy_pass http://sticky; add_header X-Tried $upstream_addr; }
}`;

/** Two apps that say which port answered; the rest of the ports refuse. */
async function cluster() {
  const kernel = await start(UPSTREAMS);
  for (const port of [8001, 8002]) {
    echoUpstream(kernel, { family: 'tcp', host: '127.0.0.1', port }, () => ({ headers: [['Content-Length', '0'], ['X-Up', String(port)]], body: new Uint8Array() }));
  }
  const answers = async (path: string, times: number) => {
    const seen: string[] = [];
    for (let i = 0; i < times; i++) {
      const reply = await request(kernel, `http://localhost:8080${path}`);
      seen.push(reply.header('X-Up') ?? String(reply.status));
    }
    return seen;
  };
  const errors = () => log(kernel, '/var/log/nginx/error.log').trim().split('\n').filter(Boolean).map((line) => line.replace(/^.*? \[(\w+)\] \d+#\d+: (\*\d+) /, '[$1] $2 ').replace(/, client: .*?upstream: /, ' upstream: ').replace(/, host: .*$/, ''));
  return { kernel, answers, errors };
}

describe('upstream groups', () => {
  it('shares requests by smooth weighted round robin, as nginx orders them', async () => {
    const { answers } = await cluster();
    expect(await answers('/w/', 6)).toEqual(['8001', '8002', '8001', '8001', '8002', '8001']);
  });

  it('turns to the backup when the primary refuses, and skips the failed primary afterwards', async () => {
    const { answers, errors } = await cluster();
    expect(await answers('/bk/', 3)).toEqual(['8002', '8002', '8002']);
    expect(errors()).toEqual(['[error] *1 connect() failed (111: Connection refused) while connecting to upstream upstream: "http://127.0.0.1:8009/bk/"']);
  });

  it('logs every refused server, then answers "no live upstreams" while they are marked failed', async () => {
    const { kernel, answers, errors } = await cluster();
    expect(await answers('/allbad/', 3)).toEqual(['502', '502', '502']);
    expect(errors()).toEqual([
      '[error] *1 connect() failed (111: Connection refused) while connecting to upstream upstream: "http://127.0.0.1:8009/allbad/"',
      '[error] *1 connect() failed (111: Connection refused) while connecting to upstream upstream: "http://127.0.0.1:8008/allbad/"',
      '[error] *4 no live upstreams while connecting to upstream upstream: "http://allbad/allbad/"',
      '[error] *5 no live upstreams while connecting to upstream upstream: "http://allbad/allbad/"',
    ]);
    expect(log(kernel, '/var/log/nginx/access.log').match(/" 502 166 "/g)).toHaveLength(3);
  });

  it('keeps trying a server until max_fails failures, then leaves it out for fail_timeout', async () => {
    const { answers, errors } = await cluster();
    expect(await answers('/mf/', 5)).toEqual(['8001', '8001', '8001', '8001', '8001']);
    expect(errors().map((line) => line.replace(/ \*\d+ /, ' '))).toEqual([
      '[error] connect() failed (111: Connection refused) while connecting to upstream upstream: "http://127.0.0.1:8009/mf/"',
      '[error] connect() failed (111: Connection refused) while connecting to upstream upstream: "http://127.0.0.1:8009/mf/"',
    ]);
  });

  it('never sends to a server marked down', async () => {
    const { answers } = await cluster();
    expect(await answers('/gone/', 3)).toEqual(['8002', '8002', '8002']);
  });

  it('keeps a client on one server with ip_hash, rehashing past a refused one ($upstream_addr lists each try)', async () => {
    const { kernel } = await cluster();
    const tried: string[] = [];
    for (let i = 0; i < 3; i++) tried.push((await request(kernel, 'http://localhost:8080/sticky/')).header('X-Tried')!);
    expect(tried).toEqual(['127.0.0.1:8009, 127.0.0.1:8001', '127.0.0.1:8001', '127.0.0.1:8001']);
  });
});
