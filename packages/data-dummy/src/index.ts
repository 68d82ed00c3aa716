import { fileURLToPath } from 'node:url';

/**
 * The bundled corpus's directory, in the reference format (`users.json`, `tracks.json`,
 * `playlists.json`, `audio/`, `images/`). Found from this module, not from the working
 * directory, so it is right wherever the package is installed. Its name, `dummy`, is the
 * corpus name in every run directory (`<output-dir>/<model>/dummy`).
 */
export const dummyCorpusDir = fileURLToPath(new URL('../dummy', import.meta.url));
