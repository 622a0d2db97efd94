/**
 * Real `nginx -t` on a scratch copy of this machine's /etc/nginx: every path
 * under /etc/nginx, /var/log/nginx and the pid file is moved into the
 * scratch directory, so no daemon starts, nothing binds, and the real tree
 * is untouched. Messages are mapped back to the paths the case wrote.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { ConfigCase } from './corpus.ts';

const NGINX = '/usr/sbin/nginx';
const ETC = '/etc/nginx';

/** Why real nginx cannot be compared with here, or null when it can. */
export function realNginxMissing(): string | null {
  if (!existsSync(NGINX)) return `${NGINX} is not installed (scripts/install-system-deps.sh installs it)`;
  if (!existsSync(`${ETC}/nginx.conf`)) return `${ETC}/nginx.conf is missing`;
  return null;
}

export interface TestOutcome {
  ok: boolean;
  /** The first `[emerg]`/`[crit]` line, as `[LEVEL] MESSAGE in FILE:LINE` with the case's paths. */
  problem: string | null;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return lstatSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** Runs real `nginx -t` with the case's files, links and directories (relative to /etc/nginx) over Debian's tree. */
export function realNginxTest({ files, links = {}, dirs = [] }: ConfigCase): TestOutcome {
  const root = mkdtempSync(join(tmpdir(), 'shiplab-nginx-'));
  try {
    const etc = join(root, 'etc/nginx');
    cpSync(ETC, etc, { recursive: true, verbatimSymlinks: true });
    mkdirSync(join(root, 'log'));
    for (const [path, text] of Object.entries(files)) {
      const target = join(etc, path);
      mkdirSync(dirname(target), { recursive: true });
      rmSync(target, { force: true });
      writeFileSync(target, text);
    }
    const relocate = (text: string) =>
      text.replaceAll('/etc/nginx/', `${etc}/`).replaceAll('/var/log/nginx/', `${root}/log/`).replaceAll('/run/nginx.pid', `${root}/nginx.pid`);
    for (const dir of dirs) mkdirSync(join(etc, dir), { recursive: true });
    for (const path of walk(etc)) {
      if (lstatSync(path).isSymbolicLink()) {
        // sites-enabled/default points at /etc/nginx/sites-available/default: point it into the copy.
        const target = relocate(readlinkSync(path));
        rmSync(path);
        symlinkSync(target, path);
      } else if (statSync(path).isFile()) {
        writeFileSync(path, relocate(readFileSync(path, 'utf8')));
      }
    }
    for (const [path, target] of Object.entries(links)) symlinkSync(relocate(target), join(etc, path));
    const run = spawnSync(NGINX, ['-t', '-c', `${etc}/nginx.conf`, '-p', `${root}/`], { encoding: 'utf8', timeout: 20_000 });
    const back = (text: string) => text.replaceAll(`${etc}/`, '/etc/nginx/').replaceAll(`${root}/log/`, '/var/log/nginx/').replaceAll(`${root}/nginx.pid`, '/run/nginx.pid');
    const line = back(run.stderr).split('\n').find((each) => /\[(emerg|crit|alert)\]/.test(each));
    const problem = line ? line.replace(/^.*?\[(\w+)\] \d+#\d+: /, '[$1] ') : null;
    return { ok: run.status === 0, problem };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
