import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import type { WorkflowDefinition } from './definition';

export type DefinitionFormat = 'json' | 'yaml';

/** A definition as the text of an exported file: pretty JSON, or YAML for people who edit it by hand. */
export function definitionText(definition: WorkflowDefinition, format: DefinitionFormat): string {
  return format === 'yaml'
    ? stringifyYaml(definition, { lineWidth: 100 })
    : `${JSON.stringify(definition, null, 2)}\n`;
}

/** The format of a definition file, by its name: .yaml and .yml are YAML, anything else JSON. */
export function formatOfFile(fileName: string): DefinitionFormat {
  return /\.ya?ml$/i.test(fileName) ? 'yaml' : 'json';
}

/** Parses a definition file's text; validation against the schema is the caller's next step. */
export function parseDefinitionText(
  text: string,
  format: DefinitionFormat,
): { ok: true; value: unknown } | { ok: false; problem: string } {
  try {
    return { ok: true, value: format === 'yaml' ? parseYaml(text) : JSON.parse(text) };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, problem: `The file is not valid ${format === 'yaml' ? 'YAML' : 'JSON'}: ${detail}` };
  }
}
