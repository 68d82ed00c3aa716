import { isAbsolute, relative, sep } from 'node:path';

/**
 * True when `target` is `root` or below it, judged on the paths as given (resolve symlinks
 * first where they matter). `..cover.png` is a name inside, not a step out.
 */
export function isInsideDirectory(root: string, target: string): boolean {
  const path = relative(root, target);
  return !isAbsolute(path) && path !== '..' && !path.startsWith(`..${sep}`);
}
