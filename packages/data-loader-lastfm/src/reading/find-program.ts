import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';

/**
 * The file a command name runs, found as a shell finds it: the first executable file of that
 * name in a directory of `PATH` (on Windows also with each `PATHEXT` extension), read at the
 * time of the call. Undefined when there is none.
 */
export function findProgram(name: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const extensions = process.platform === 'win32' ? ['', ...(env.PATHEXT ?? '.EXE;.CMD').split(';')] : [''];
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    // An empty entry would mean the working directory, which a shell does not search.
    if (dir === '') continue;
    for (const extension of extensions) {
      const file = path.join(dir, name + extension);
      if (isExecutableFile(file)) return file;
    }
  }
  return undefined;
}

function isExecutableFile(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}
