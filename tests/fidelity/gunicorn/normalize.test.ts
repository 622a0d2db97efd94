import { describe, expect, it } from 'vitest';
import type { Outcome } from './drive.ts';
import { normalize } from './normalize.ts';
import { lineDiff } from './report.ts';

const places = { dir: '/tmp/shiplab-gunicorn-abc', site: '/tmp/shiplab-bundle-xyz' };
const outcome = (stderr: string, extra: Partial<Outcome> = {}): Outcome => ({ stdout: '', stderr, exitCode: 0, responses: [], files: {}, ...extra });

describe('normalize', () => {
  it('replaces times and pids: the first pid named is the master, every other one a worker', () => {
    const stderr = [
      '[2026-11-21 16:27:36 +0000] [30161] [INFO] Listening at: http://127.0.0.1:38123 (30161)',
      '[2026-11-21 16:27:36 +0000] [30202] [INFO] Booting worker with pid: 30202',
      '[2026-11-21 16:27:37 +0000] [30161] [ERROR] Worker (pid:30202) exited with code 4',
    ].join('\n');
    expect(normalize(outcome(stderr), places).stderr).toBe(
      [
        '[<TIME>] [<MASTER>] [INFO] Listening at: http://127.0.0.1:38123 (<MASTER>)',
        '[<TIME>] [<WORKER>] [INFO] Booting worker with pid: <WORKER>',
        '[<TIME>] [<MASTER>] [ERROR] Worker (pid:<WORKER>) exited with code 4',
      ].join('\n'),
    );
  });

  it('puts the master\'s worker count after the workers\' boot lines, whichever the scheduler wrote first', () => {
    const stderr = [
      '[2026-11-21 16:27:36 +0000] [10] [INFO] Using worker: sync',
      '[2026-11-21 16:27:36 +0000] [11] [INFO] Booting worker with pid: 11',
      '[2026-11-21 16:27:36 +0000] [10] [DEBUG] 2 workers',
      '[2026-11-21 16:27:36 +0000] [12] [INFO] Booting worker with pid: 12',
      '[2026-11-21 16:27:37 +0000] [12] [DEBUG] GET /',
    ].join('\n');
    expect(normalize(outcome(stderr), places).stderr.split('\n').map((line) => line.slice(9))).toEqual([
      '[<MASTER>] [INFO] Using worker: sync',
      '[<WORKER>] [INFO] Booting worker with pid: <WORKER>',
      '[<WORKER>] [INFO] Booting worker with pid: <WORKER>',
      '[<MASTER>] [DEBUG] 2 workers',
      '[<WORKER>] [DEBUG] GET /',
    ]);
  });

  it('keeps ports, status codes and other numbers', () => {
    const access = '127.0.0.1 - - [21/Nov/2026:16:30:00 +0000] "GET /x HTTP/1.1" 200 20 "-" "curl"';
    expect(normalize(outcome('', { stdout: access }), places).stdout).toBe('127.0.0.1 - - [<TIME>] "GET /x HTTP/1.1" 200 20 "-" "curl"');
  });

  it('keeps a traceback\'s header, the learner\'s frames with their source, and the exception line', () => {
    const stderr = [
      '[2026-11-21 16:27:37 +0000] [1] [ERROR] Error handling request /boom',
      'Traceback (most recent call last):',
      '  File "/tmp/shiplab-bundle-xyz/gunicorn/workers/sync.py", line 134, in handle',
      '    self.handle_request(listener, req, client, addr)',
      '  File "/tmp/shiplab-gunicorn-abc/wsgi.py", line 8, in application',
      '    raise RuntimeError("kaboom in " + path)',
      '    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^',
      '  File "<frozen importlib._bootstrap>", line 1204, in _gcd_import',
      'RuntimeError: kaboom in /boom',
    ].join('\n');
    expect(normalize(outcome(stderr), places).stderr).toBe(
      [
        '[<TIME>] [<MASTER>] [ERROR] Error handling request /boom',
        'Traceback (most recent call last):',
        '  File "<DIR>/wsgi.py", line 8, in application',
        '    raise RuntimeError("kaboom in " + path)',
        'RuntimeError: kaboom in /boom',
      ].join('\n'),
    );
  });

  it('replaces the Date header of a response and object addresses', () => {
    const response = 'HTTP/1.1 200 OK\r\nDate: Sat, 21 Nov 2026 16:29:00 GMT\r\n\r\n<function f at 0x7f3a2b1c0d20>';
    expect(normalize(outcome('', { responses: [response] }), places).responses).toEqual(['HTTP/1.1 200 OK\r\nDate: <TIME>\r\n\r\n<function f at 0x<ADDR>>']);
  });
});

describe('lineDiff', () => {
  it('marks lines only in real with -, only in simulated with +', () => {
    expect(lineDiff('a\nb\nc', 'a\nx\nc')).toBe('      a\n    - b\n    + x\n      c');
  });
});
