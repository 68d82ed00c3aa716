/** The corpora this loader reads, by the names used in `layout=`. */
export const layoutNames = ['lfm-1b', 'lfm-2b', 'onion'] as const;
export type LayoutName = (typeof layoutNames)[number];

/** One tab-separated table of a corpus: where it is and its columns when it has no header. */
export interface TableSpec {
  /** File names tried in order, each also with `.gz` and `.bz2` appended. */
  fileNames: readonly string[];
  /** Column names in file order, used when the first line is not a header. */
  columns: readonly string[];
  /** Columns a row cannot do without; a row lacking one is skipped and counted. */
  required: readonly string[];
  /**
   * The one free-text column, if the table has exactly one: a row with more tabs than
   * columns is repaired by giving the extra tabs to it. Tables with two or more free-text
   * columns cannot tell where a stray tab belongs, so such rows are skipped and counted.
   */
  textColumn?: string;
}

export interface CorpusLayout {
  name: LayoutName;
  events: TableSpec;
  users?: TableSpec;
  tracks?: TableSpec;
  /** LFM-1b names artists by id in its tracks file. */
  artists?: TableSpec;
}

const lfm2bUsers: TableSpec = {
  fileNames: ['users.tsv', 'users.txt'],
  columns: ['user_id', 'country', 'age', 'gender', 'creation_time'],
  required: ['user_id'],
};

/** What the corpora ship: the files and columns of each release (see this package's README). */
export const corpusLayouts: Record<LayoutName, CorpusLayout> = {
  'lfm-1b': {
    name: 'lfm-1b',
    events: {
      fileNames: ['LFM-1b_LEs.txt', 'LFM-1b_LEs.tsv'],
      columns: ['user_id', 'artist_id', 'album_id', 'track_id', 'timestamp'],
      required: ['user_id', 'track_id', 'timestamp'],
    },
    users: {
      fileNames: ['LFM-1b_users.txt', 'LFM-1b_users.tsv'],
      columns: ['user_id', 'country', 'age', 'gender', 'playcount', 'registered_unixtime'],
      required: ['user_id'],
    },
    tracks: {
      fileNames: ['LFM-1b_tracks.txt', 'LFM-1b_tracks.tsv'],
      columns: ['track_id', 'track_name', 'artist_id'],
      required: ['track_id', 'track_name'],
      textColumn: 'track_name',
    },
    artists: {
      fileNames: ['LFM-1b_artists.txt', 'LFM-1b_artists.tsv'],
      columns: ['artist_id', 'artist_name'],
      required: ['artist_id', 'artist_name'],
      textColumn: 'artist_name',
    },
  },
  'lfm-2b': {
    name: 'lfm-2b',
    events: {
      fileNames: ['listening-events.tsv', 'listening_events.tsv'],
      columns: ['user_id', 'track_id', 'album_id', 'timestamp'],
      required: ['user_id', 'track_id', 'timestamp'],
    },
    users: lfm2bUsers,
    tracks: {
      fileNames: ['tracks.tsv', 'tracks.txt'],
      columns: ['track_id', 'artist_name', 'track_name'],
      required: ['track_id', 'track_name'],
    },
  },
  onion: {
    name: 'onion',
    events: {
      fileNames: ['userid_trackid_timestamp.tsv', 'userid_trackid_timestamp.txt'],
      columns: ['user_id', 'track_id', 'timestamp'],
      required: ['user_id', 'track_id', 'timestamp'],
    },
    // Onion's user ids are LFM-2b's: its users file, placed beside the events, gives demographics.
    users: lfm2bUsers,
  },
};

/** Header cells as the corpora spell them (`user-id`, `userid`, `User_ID`) to our column names. */
export function normaliseColumnName(cell: string): string {
  const name = cell.trim().toLowerCase().replace(/[-\s]/g, '_');
  const aliases: Record<string, string> = { userid: 'user_id', trackid: 'track_id', user: 'user_id' };
  return aliases[name] ?? name;
}
