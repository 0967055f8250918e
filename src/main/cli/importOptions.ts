import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { type ColumnMapping, columnMappingSchema } from '@shared/import/mapping';
import type { WorkflowDefinition } from '@shared/workflow/definition';
import { normalizeStageName } from '@shared/workflow/stageMapping';
import { EngineError } from '../engine/errors';
import { builtInAdapters } from '../engine/import/adapters';

/** What `import --format/--mapping/--stages` give the pipeline, read and checked. */
export type ImportChoices = {
  /** File name → format id (`--format NAME=ID`), or the format of every file (`--format ID`). */
  formats: Record<string, string>;
  formatForAll: string | null;
  /** File name → mapping (`--mapping NAME=FILE.json`). */
  mappings: Record<string, ColumnMapping>;
  /** The mapping of every file no format recognizes (`--mapping FILE.json`). */
  fallbackMapping: ColumnMapping | null;
  /** CRM stage names → workflow stage keys (`--stages FILE.json`). */
  stages: { sourceStage: string; stageKey: string }[];
};

/** `NAME=VALUE` → [NAME, VALUE]; a bare VALUE → [null, VALUE]. */
function splitNamed(option: string): [string | null, string] {
  const at = option.indexOf('=');
  return at > 0 ? [option.slice(0, at), option.slice(at + 1)] : [null, option];
}

function readJson(path: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(resolve(path), 'utf8');
  } catch (error) {
    throw new EngineError('invalid_input', `${what} ${path} cannot be read: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch (error) {
    throw new EngineError(
      'invalid_input',
      `${what} ${basename(path)} is not JSON: ${(error as Error).message}`,
    );
  }
}

/** A column mapping file, as the import screen's "Save mapping as file" writes it. */
export function readMappingFile(path: string): ColumnMapping {
  const parsed = columnMappingSchema.safeParse(readJson(path, 'The mapping file'));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length ? ` at "${issue.path.join('.')}"` : '';
    throw new EngineError(
      'invalid_input',
      `The mapping file ${basename(path)} is not a column mapping${where}: ${issue.message}. ` +
        'Save one from the import screen ("Save mapping as file").',
    );
  }
  return parsed.data;
}

/**
 * A stage file: `{ "CRM stage name": "workflow stage" }`, the workflow stage named by its key or
 * its name (`"Diseño Propuesta": "Proposal"`). Every target must be a stage of the workflow.
 */
export function readStagesFile(path: string, workflow: WorkflowDefinition): ImportChoices['stages'] {
  const json = readJson(path, 'The stages file');
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new EngineError(
      'invalid_input',
      `The stages file ${basename(path)} must be an object of CRM stage names to workflow stages, such as { "Diseño Propuesta": "Proposal" }.`,
    );
  }
  const byKey = new Map(workflow.stages.map((s) => [s.key, s.key]));
  const byName = new Map(workflow.stages.map((s) => [normalizeStageName(s.name), s.key]));
  return Object.entries(json as Record<string, unknown>).map(([sourceStage, target]) => {
    const key =
      typeof target === 'string'
        ? (byKey.get(target.trim()) ?? byName.get(normalizeStageName(target)))
        : undefined;
    if (!sourceStage.trim() || key === undefined) {
      throw new EngineError(
        'invalid_input',
        `The stages file ${basename(path)} maps "${sourceStage}" to ${JSON.stringify(target)}, which is no stage of the workflow (${workflow.stages.map((s) => s.name).join(', ')}).`,
      );
    }
    return { sourceStage: sourceStage.trim(), stageKey: key };
  });
}

/** Reads and checks the import command's --format, --mapping and --stages options. */
export function readImportChoices(
  options: { format?: string[]; mapping?: string[]; stages?: string },
  workflow: WorkflowDefinition,
): ImportChoices {
  const choices: ImportChoices = {
    formats: {},
    formatForAll: null,
    mappings: {},
    fallbackMapping: null,
    stages: [],
  };
  const ids = new Set(builtInAdapters.map((a) => a.id));
  for (const option of options.format ?? []) {
    const [name, id] = splitNamed(option);
    if (!ids.has(id)) {
      throw new EngineError(
        'invalid_input',
        `--format "${id}" is no import format. The formats are: ${[...ids].join(', ')}.`,
      );
    }
    if (name === null) choices.formatForAll = id;
    else choices.formats[name] = id;
  }
  for (const option of options.mapping ?? []) {
    const [name, path] = splitNamed(option);
    const mapping = readMappingFile(path);
    if (name === null) choices.fallbackMapping = mapping;
    else choices.mappings[name] = mapping;
  }
  if (options.stages) choices.stages = readStagesFile(options.stages, workflow);
  return choices;
}
