/** The two places a case runs: real Gunicorn on this machine, and venv/bin/gunicorn on a simulated one. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { Machine } from '../../../sandbox/index.ts';
import { gunicornEnv, readIfThere, realPython, removeScratch, scratchDirectory, startReal } from '../support/real-gunicorn.ts';
import type { Server, Side, Workspace } from './drive.ts';

export function realSide(): Side<Workspace> {
  const python = realPython();
  return {
    patienceMs: 60_000,
    async prepare(files) {
      return { dir: scratchDirectory(files) };
    },
    async start({ dir }, args, env) {
      const process = startReal(python, ['-m', 'gunicorn', ...args], dir, gunicornEnv(env, dir));
      return {
        async output() {
          return { stdout: process.stdout(), stderr: process.stderr() };
        },
        exitCode: process.exitCode,
        async signal(name) {
          process.child.kill(`SIG${name}`);
        },
      };
    },
    curl({ dir }, args) {
      return new Promise((resolve) => {
        const curl = spawn('curl', args, { cwd: dir, stdio: ['ignore', 'pipe', 'ignore'] });
        let stdout = '';
        curl.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
        curl.on('close', (code) => resolve({ stdout, exitCode: code ?? -1 }));
      });
    },
    async readFile({ dir }, path) {
      return readIfThere(join(dir, path));
    },
    async dispose({ dir }) {
      removeScratch(dir);
    },
  };
}

const HOME = '/home/learner';
const quote = (word: string) => `'${word.replaceAll("'", `'\\''`)}'`;

/**
 * The simulated machine, where `python3 -m venv venv && venv/bin/pip install
 * gunicorn flask` has run in the learner's home. Each case gets its own
 * directory under ~/fidelity, and its gunicorn runs as a background job of a
 * learner's shell (its output redirected to files the test polls).
 */
export function simulatedSide(machine: Machine): Side<Workspace & { id: number }> {
  let cases = 0;
  return {
    patienceMs: 30_000,
    async prepare(files) {
      const id = ++cases;
      const dir = `${HOME}/fidelity/case${id}`;
      const dirs = new Set([dir, ...Object.keys(files).filter((path) => path.includes('/')).map((path) => `${dir}/${path.slice(0, path.lastIndexOf('/'))}`)]);
      await machine.exec(`mkdir -p ${[...dirs].map(quote).join(' ')}`);
      for (const [path, text] of Object.entries(files)) await machine.fs.writeFile(`${dir}/${path}`, text, { owner: 'learner' });
      return { dir, id };
    },
    async start({ dir, id }, args, env) {
      const run = `/tmp/fidelity-${id}-${Math.random().toString(36).slice(2, 8)}`;
      const line = `${HOME}/venv/bin/gunicorn ${args.map(quote).join(' ')}`;
      let status: number | null = null;
      void machine.exec(`cd ${quote(dir)} && { ${line} > ${run}.out 2> ${run}.err & echo $! > ${run}.job; wait $!; }`, { env, timeoutMs: 600_000 }).then((result) => {
        status = result.exitCode;
      });
      const read = (suffix: string) => machine.fs.readFile(`${run}.${suffix}`, 'utf8').catch(() => '');
      let master: number | null = null;
      // $! is gunicorn itself, or (as this machine's bash runs a job) a subshell whose child gunicorn is.
      const findMaster = async () => {
        const job = Number((await read('job')).trim());
        if (!job) return null;
        const rows = (await machine.exec('ps -ef')).stdout.trim().split('\n').slice(1).map((row) => row.trim().split(/\s+/));
        const gunicorn = rows.filter((row) => row.slice(7).join(' ').includes('venv/bin/gunicorn'));
        return Number(gunicorn.find((row) => Number(row[1]) === job || Number(row[2]) === job)?.[1]) || null;
      };
      const server: Server = {
        async output() {
          return { stdout: await read('out'), stderr: await read('err') };
        },
        exitCode: () => status,
        async signal(name) {
          master ??= await findMaster();
          if (master !== null && status === null) await machine.exec(`kill -${name} ${master}`);
        },
      };
      return server;
    },
    async curl({ dir }, args) {
      const { stdout, exitCode } = await machine.exec(`cd ${quote(dir)} && curl ${args.map(quote).join(' ')}`, { timeoutMs: 20_000 });
      return { stdout, exitCode };
    },
    async readFile({ dir }, path) {
      return machine.fs.readFile(`${dir}/${path}`, 'utf8').catch(() => null);
    },
    // The case directory stays: the machine, and all it holds, is disposed of after the corpus.
    async dispose() {},
  };
}
