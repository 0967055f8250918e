import type { WorkflowDefinition } from '@shared/workflow/definition';
import {
  type DefinitionFormat,
  definitionText,
  formatOfFile,
  parseDefinitionText,
} from '@shared/workflow/definitionText';
import { type DefinitionIssue, validateDefinition } from './validation';

export type { DefinitionFormat };

/** Workflow definitions as files: exported as readable JSON or YAML, imported back after validation. */

const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** The exported file's name: `stagecoach-workflow-v3.json` or `.yaml`. */
export function exportFileName(version: number, format: DefinitionFormat = 'json'): string {
  return `stagecoach-workflow-v${version}.${format}`;
}

/** Saves the definition through the browser's download (a save dialog in the desktop app). */
export function downloadDefinition(
  definition: WorkflowDefinition,
  version: number,
  format: DefinitionFormat = 'json',
): void {
  const text = definitionText(definition, format);
  const blob = new Blob([text], { type: format === 'yaml' ? 'application/yaml' : 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = exportFileName(version, format);
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own reference by now; the URL can go once the click was handled.
  window.setTimeout(() => URL.revokeObjectURL(url), 0);
}

export type ImportedFile =
  | { ok: true; fileName: string; definition: WorkflowDefinition }
  | { ok: false; fileName: string; problem: string; issues: DefinitionIssue[] };

/** A file someone saved from a version's JSON, or a definition at its top level. */
function unwrap(value: unknown): unknown {
  if (
    value &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    'definition' in value &&
    !('stages' in value)
  )
    return (value as { definition: unknown }).definition;
  return value;
}

/** Reads, parses and validates a workflow file; every problem names the field it is in. */
export async function readDefinitionFile(file: File): Promise<ImportedFile> {
  const fileName = file.name;
  if (file.size > MAX_FILE_BYTES)
    return { ok: false, fileName, problem: 'The file is too large to be a workflow definition.', issues: [] };
  const parsed = parseDefinitionText(await file.text(), formatOfFile(fileName));
  if (!parsed.ok) return { ok: false, fileName, problem: parsed.problem, issues: [] };
  const value = parsed.value;
  const result = validateDefinition(unwrap(value));
  if (result.ok) return { ok: true, fileName, definition: result.definition };
  return {
    ok: false,
    fileName,
    problem: `The file is not a workflow Stagecoach can use: ${result.issues.length === 1 ? 'one problem' : `${result.issues.length} problems`}.`,
    issues: result.issues,
  };
}
