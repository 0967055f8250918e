import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = join(__dirname, '..', '..');
const configPath = join(root, 'electron-builder.yml');
type BuilderConfig = Parameters<typeof validateConfiguration>[0];
const config = parse(readFileSync(configPath, 'utf8')) as BuilderConfig & {
  electronFuses: Record<string, boolean>;
  files: string[];
};
const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
  devDependencies: Record<string, string>;
};

describe('packaging config (electron-builder.yml)', () => {
  it('is a configuration electron-builder accepts', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    // The check is real: a misspelt fuse is refused.
    const misspelt = { ...config, electronFuses: { ...config.electronFuses, runAsnode: false } };
    await expect(validateConfiguration(misspelt, new DebugLogger(false))).rejects.toThrow(/electronFuses/);
  });

  it('flips every security fuse in the packaged binary', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('keeps file:// privileges only while the renderer is loaded from file://', () => {
    // Without them the built renderer's module scripts do not load from file:// (a blank window).
    // Once the windows load the app from a custom protocol, this fuse must be turned off.
    const sources = ['src/main/index.ts', 'src/main/pdf/electronPrintPage.ts'].map((file) =>
      readFileSync(join(root, file), 'utf8'),
    );
    const loadsFromFile = sources.some((source) => source.includes('.loadFile('));
    expect(config.electronFuses['grantFileProtocolExtraPrivileges']).toBe(loadsFromFile);
  });

  it('ships the built app in an asar archive, and nothing but out/ and package.json', () => {
    expect(config.asar).toBe(true);
    expect(config.files).toEqual(['out/**/*', 'package.json']);
    expect(packageJson.scripts['package']).toMatch(/electron-vite build && electron-builder/);
    expect(packageJson.devDependencies['electron-builder']).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
