import { fileURLToPath } from 'node:url';

/**
 * The shipped `templates/` folder. Resolved from this module's URL, which lies one
 * level below the package root both in `src/` (tests) and in the bundled `dist/`.
 */
export const TEMPLATES_DIRECTORY: string = fileURLToPath(new URL('../templates/', import.meta.url));
