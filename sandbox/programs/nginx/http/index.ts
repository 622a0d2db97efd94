/** nginx's http{} half: builds the servers from a checked configuration and answers their requests. */
import type { BuildHttpService } from '../contract.ts';
import { buildHttp } from './build.ts';
import { ListenError } from './listens.ts';
import { NginxHttpService } from './service.ts';

export const buildHttpService: BuildHttpService = (main, kernel, options) => {
  try {
    const built = buildHttp(main, kernel, options);
    return { ok: true, service: new NginxHttpService(kernel, built), warnings: built.warnings };
  } catch (error) {
    if (error instanceof ListenError) return { ok: false, error: error.problem, warnings: error.warnings };
    throw error;
  }
};
