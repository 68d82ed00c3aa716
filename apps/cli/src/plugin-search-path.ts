import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where `--source NAME` also looks for packages, after the working directory: the CLI's own
 * directory. From there Node's lookup reaches the CLI's dependencies (the first-party loaders)
 * and, up the tree, the packages installed beside the CLI (globally or in a project).
 */
export function pluginSearchPath(): string[] {
  return [dirname(fileURLToPath(import.meta.url))];
}
