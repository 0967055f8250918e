import { ApiCallError } from '../api/client';

/** The sentence to show a person for a failed call. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiCallError) return error.message;
  if (error instanceof Error && error.message) return `Something went wrong: ${error.message}`;
  return 'Something went wrong while talking to the Stagecoach engine.';
}
