import type { ApiErrorCode } from '@shared/api/envelope';

/** An error the user can act on; its message is shown as it is. */
export class EngineError extends Error {
  readonly code: ApiErrorCode;

  constructor(code: ApiErrorCode, message: string) {
    super(message);
    this.name = 'EngineError';
    this.code = code;
  }
}
