import type { ApiClient } from '@shared/api/contract';
import type { ApiErrorCode, ApiResult } from '@shared/api/envelope';
import type { EngineEvent } from '@shared/api/events';
import type { ApiMethod } from '@shared/api/methods';
import { type Bridge, buildNamedMethods, splitMethod } from '@shared/api/bridge';

/** An API failure as the UI sees it: a code to branch on and a message to show. */
export class ApiCallError extends Error {
  readonly code: ApiErrorCode;

  constructor(code: ApiErrorCode, message: string) {
    super(message);
    this.name = 'ApiCallError';
    this.code = code;
  }
}

/** A file handed to the engine for import: where it is on disk and the name to show. */
export type StagedFile = { path: string; name: string };

type Transport = {
  call: (method: ApiMethod, input: unknown) => Promise<ApiResult<unknown>>;
  onEvent: (listener: (event: EngineEvent) => void) => () => void;
  stage: (file: File) => Promise<StagedFile>;
};

declare global {
  // Augmenting the DOM's Window needs an interface.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface Window {
    stagecoach?: Bridge;
  }
}

const TOKEN_KEY = 'stagecoach.token';

/** Browser mode: the launch URL carries a per-launch token; keep it for this tab and drop it from the address bar. */
function browserToken(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

function httpTransport(): Transport {
  const token = browserToken();
  return {
    async call(method, input) {
      let response: Response;
      try {
        response = await fetch(`/api/${method}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify(input ?? {}),
        });
      } catch {
        return {
          ok: false,
          error: {
            code: 'internal',
            message: 'The Stagecoach server is not running. Start it again with npm run web.',
          },
        };
      }
      if (response.status === 401 || response.status === 403) {
        return {
          ok: false,
          error: {
            code: 'internal',
            message: 'This page is not authorized. Open the address that npm run web printed.',
          },
        };
      }
      return (await response.json()) as ApiResult<unknown>;
    },
    onEvent(listener) {
      const source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
      source.onmessage = (message) => listener(JSON.parse(message.data as string) as EngineEvent);
      return () => source.close();
    },
    async stage(file) {
      const response = await fetch(`/api/upload?name=${encodeURIComponent(file.name)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/octet-stream', authorization: `Bearer ${token}` },
        body: file,
      });
      const result = (await response.json()) as ApiResult<StagedFile>;
      if (!result.ok) throw new ApiCallError(result.error.code, `${file.name}: ${result.error.message}`);
      return result.value;
    },
  };
}

function bridgeTransport(bridge: Bridge): Transport {
  return {
    call(method, input) {
      const [noun, verb] = splitMethod(method);
      const fn = bridge.methods[noun]?.[verb];
      if (!fn)
        return Promise.resolve({
          ok: false,
          error: { code: 'unknown_method', message: `No bridge method ${method}` },
        });
      return fn(input);
    },
    onEvent: (listener) => bridge.onEvent(listener),
    stage: (file) => Promise.resolve({ path: bridge.pathForFile(file), name: file.name }),
  };
}

const transport: Transport = window.stagecoach ? bridgeTransport(window.stagecoach) : httpTransport();

/** The one place results are unwrapped: a failure becomes an ApiCallError. */
async function callApi(method: ApiMethod, input: unknown): Promise<unknown> {
  const result = await transport.call(method, input);
  if (!result.ok) throw new ApiCallError(result.error.code, result.error.message);
  return result.value;
}

/** The typed API: `api.deals.list({ search: 'acme' })`. */
export const api = buildNamedMethods(callApi) as unknown as ApiClient;

export const onEngineEvent = (listener: (event: EngineEvent) => void): (() => void) =>
  transport.onEvent(listener);

/**
 * Makes picked or dropped files readable by the engine: in the desktop app they are read where
 * they are; in browser mode they are uploaded to the local server first.
 */
export function stageFiles(files: readonly File[]): Promise<StagedFile[]> {
  return Promise.all(files.map((file) => transport.stage(file)));
}
