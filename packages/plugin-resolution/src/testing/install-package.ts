import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Installs a package as npm would put it in `<directory>/node_modules`: an ESM-only package (an
 * `import` condition only, as tp2dg's own) whose `index.js` is `source`, with any more manifest
 * fields given. What a test of plugin lookup needs to find a plugin by its package name.
 * Returns the package's folder.
 */
export async function installPackage(
  directory: string,
  name: string,
  source: string,
  manifest: Readonly<Record<string, unknown>> = {},
): Promise<string> {
  const packageDir = path.join(directory, 'node_modules', ...name.split('/'));
  await mkdir(packageDir, { recursive: true });
  const packageJson = {
    name,
    version: '1.0.0',
    type: 'module',
    exports: { '.': { import: './index.js' } },
    ...manifest,
  };
  await writeFile(path.join(packageDir, 'package.json'), JSON.stringify(packageJson));
  await writeFile(path.join(packageDir, 'index.js'), source);
  return packageDir;
}
