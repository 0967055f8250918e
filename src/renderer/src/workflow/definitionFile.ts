import type { WorkflowDefinition } from '@shared/workflow/definition';
import { type DefinitionIssue, validateDefinition } from './validation';

/** Workflow definitions as files: exported as readable JSON, imported back after validation. */

const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** The exported file's name: `stagecoach-workflow-v3.json`. */
export function exportFileName(version: number): string {
  return `stagecoach-workflow-v${version}.json`;
}

/** Pretty-printed, so the file reads and diffs well. */
export function definitionJson(definition: WorkflowDefinition): string {
  return `${JSON.stringify(definition, null, 2)}\n`;
}

/** Saves the definition through the browser's download (a save dialog in the desktop app). */
export function downloadDefinition(definition: WorkflowDefinition, version: number): void {
  const blob = new Blob([definitionJson(definition)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = exportFileName(version);
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
  let value: unknown;
  try {
    value = JSON.parse(await file.text());
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, fileName, problem: `The file is not valid JSON: ${detail}`, issues: [] };
  }
  const result = validateDefinition(unwrap(value));
  if (result.ok) return { ok: true, fileName, definition: result.definition };
  return {
    ok: false,
    fileName,
    problem: `The file is not a workflow Stagecoach can use: ${result.issues.length === 1 ? 'one problem' : `${result.issues.length} problems`}.`,
    issues: result.issues,
  };
}
