import type { FetchInit, FetchResponse } from '../api.ts';
import { sendRequest } from './http-client.ts';
import type { Kernel } from './kernel.ts';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * machine.fetch(): a request made from inside the machine by `user`, as curl
 * makes it. Rejects with curl's message when it cannot connect
 * ("Failed to connect to localhost port 8000 after 0 ms: Couldn't connect to server").
 */
export async function fetchInside(kernel: Kernel, userName: string, url: string, init: FetchInit): Promise<FetchResponse> {
  const user = kernel.users.byName(userName);
  if (!user) throw new Error(`no such user: ${userName}`);
  const body = init.body === undefined ? null : typeof init.body === 'string' ? encoder.encode(init.body) : init.body;
  const { response } = await sendRequest(kernel.net, {
    url,
    method: (init.method ?? (body ? 'POST' : 'GET')).toUpperCase(),
    headers: Object.entries(init.headers ?? {}),
    body,
    credentials: kernel.users.credentialsOf(user),
  });
  const headers: Record<string, string> = {};
  for (const [name, value] of response.headers) {
    const key = name.toLowerCase();
    headers[key] = key in headers ? `${headers[key]}, ${value}` : value;
  }
  const result: FetchResponse = { status: response.status, headers, body: decoder.decode(response.body) };
  if (init.responseType === 'bytes') result.bytes = response.body;
  return result;
}
