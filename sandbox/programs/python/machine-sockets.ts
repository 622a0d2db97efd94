import { type HttpHandler, MACHINE_ADDRESS, isNetError } from '../../kernel/net.ts';
import type { Process } from '../../kernel/processes.ts';
import type { PythonListener, PythonNetwork } from '../../python/interpreter.ts';
import type { ProgramContext } from '../types.ts';

/**
 * bind(2) and listen(2) for the Python process of `context` (or the process
 * `owner` names, once the program daemonized), on the machine's network: its
 * listeners carry its pid (ss -ltnp) and close when it exits.
 */
export function pythonNetwork(context: ProgramContext, handler: HttpHandler, owner: () => Process = () => context.process): PythonNetwork {
  const { kernel, credentials } = context;
  return {
    lanAddress: MACHINE_ADDRESS,
    listen(host, port, v6, backlog): PythonListener {
      const address = bindAddress(host, v6, (name) => kernel.net.resolve(name));
      if (address === null) return refused('EADDRNOTAVAIL');
      try {
        const listener = kernel.net.listen({ family: 'tcp', host: address, port }, handler, { pid: owner().pid, credentials, backlog });
        const bound = listener.address.family === 'tcp' ? listener.address.port : port;
        return { error: null, host: address, port: bound, fd: listener.fd, close: () => listener.close() };
      } catch (error) {
        if (isNetError(error) && (error.code === 'EADDRINUSE' || error.code === 'EACCES' || error.code === 'EADDRNOTAVAIL')) return refused(error.code);
        throw error;
      }
    },
  };
}

/** The numeric address a server's host names: '' is every address of the family, as in Python. */
function bindAddress(host: string, v6: boolean, resolve: (name: string) => string[]): string | null {
  if (host === '') return v6 ? '::' : '0.0.0.0';
  const found = resolve(host).filter((address) => address.includes(':') === v6);
  return found[0] ?? null;
}

function refused(error: NonNullable<PythonListener['error']>): PythonListener {
  return { error, host: '', port: 0, fd: -1, close: () => {} };
}
