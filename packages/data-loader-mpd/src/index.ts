export { CHALLENGE_FILE, findMpdFiles } from './find-mpd-files.js';
export { mpdLicence } from './mpd-licence.js';
export { type MpdOptions, MpdOptionsSchema } from './mpd-options.js';
export { spotifyTrackId } from './mpd-playlist.js';
export { createMpdDataLoader, mpdDataLoader, mpdDataLoader as default } from './mpd-plugin.js';
