export type ApiErrorCode =
  | 'invalid_input'
  | 'not_found'
  | 'unknown_method'
  | 'db_too_new'
  | 'not_a_workspace'
  | 'migration_failed'
  /** The workspace file failed its start-up check: the app shows the recovery screen. */
  | 'workspace_damaged'
  | 'busy'
  | 'cancelled'
  | 'internal';

export type ApiError = { code: ApiErrorCode; message: string };

/** Every API result crosses the process boundary in this shape and is unwrapped once, in the client. */
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export function ok<T>(value: T): ApiResult<T> {
  return { ok: true, value };
}

export function fail(code: ApiErrorCode, message: string): ApiResult<never> {
  return { ok: false, error: { code, message } };
}
