import { EngineError } from '../errors';

/** A problem with a whole file (or one place in it) that stops the import before anything is written. */
export class ImportFileError extends EngineError {
  readonly fileName: string;
  readonly line: number | null;

  constructor(fileName: string, problem: string, line: number | null = null) {
    super('invalid_input', `${fileName}${line === null ? '' : `, row ${line}`}: ${problem}`);
    this.fileName = fileName;
    this.line = line;
  }
}
