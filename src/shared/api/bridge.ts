import type { ApiResult } from './envelope';
import type { EngineEvent } from './events';
import { type ApiMethod, apiMethodNames } from './methods';

/**
 * What the preload exposes as `window.stagecoach`: one named function per API method,
 * grouped by noun (`deals.list`), each returning the result envelope, and an event subscription.
 */
export type Bridge = {
  methods: Record<string, Record<string, (input: unknown) => Promise<ApiResult<unknown>>>>;
  onEvent: (listener: (event: EngineEvent) => void) => () => void;
  /** The path on disk of a file the user picked or dropped (Electron's webUtils.getPathForFile). */
  pathForFile: (file: unknown) => string;
};

/** Splits `noun:verb` into its two parts. */
export function splitMethod(method: ApiMethod): [noun: string, verb: string] {
  const [noun, verb] = method.split(':') as [string, string];
  return [noun, verb];
}

/** Builds the nested named-method object from one function that calls a method by name. */
export function buildNamedMethods<T>(
  call: (method: ApiMethod, input: unknown) => T,
): Record<string, Record<string, (input: unknown) => T>> {
  const tree: Record<string, Record<string, (input: unknown) => T>> = {};
  for (const method of apiMethodNames) {
    const [noun, verb] = splitMethod(method);
    (tree[noun] ??= {})[verb] = (input: unknown) => call(method, input);
  }
  return tree;
}
