import { createSeededRandom, Tp2dgError } from '@tp2dg/entities';
import * as words from './synthetic-vocabulary.js';

export interface SyntheticCorpusOptions {
  users: number;
  tracks: number;
  sessions: number;
  /** Tracks in each session: exactly this many, or a count drawn from min..max inclusive. */
  tracksPerSession: number | { min: number; max: number };
  seed: number | string;
}

/** The records as written to users.json, tracks.json and playlists.json. */
export interface SyntheticRecords {
  users: Array<{
    user_id: string;
    age: number;
    age_group: string;
    gender: string;
    country: string;
    preferred_language: string;
  }>;
  tracks: Array<{
    track_id: string;
    title: string;
    artist: string;
    album: string;
    genre: string;
    tags: string[];
    lyrics?: string;
    release_date: string;
    audio_path: string;
    image_path: string;
  }>;
  sessions: Array<{ user_id: string; session_id: string; track_ids: string[] }>;
}

const pad = (value: number, width: number) => String(value).padStart(width, '0');

/** Made-up but plausible corpus records, the same for the same options. */
export function createSyntheticRecords(options: SyntheticCorpusOptions): SyntheticRecords {
  const { min, max } =
    typeof options.tracksPerSession === 'number'
      ? { min: options.tracksPerSession, max: options.tracksPerSession }
      : options.tracksPerSession;
  if (min < 1 || max < min || max > options.tracks || options.users < 1) {
    throw new Tp2dgError(
      'INVALID_ARGUMENT',
      `Synthetic corpus: need users >= 1 and 1 <= tracksPerSession <= tracks (${options.tracks}), got ${min}..${max}.`,
    );
  }
  const random = createSeededRandom(options.seed, 'synthetic-corpus');
  const personaOffset = random.int(words.personas.length);
  const users = Array.from({ length: options.users }, (_, index) => ({
    user_id: `u${pad(index + 1, 2)}`,
    ...(words.personas[(personaOffset + index) % words.personas.length] as (typeof words.personas)[number]),
  }));

  // Distinct names, and genres dealt round the list so a small corpus still spans many.
  const artistNames = random.sample(
    [
      ...words.artistFirstWords.flatMap((first) =>
        words.artistSecondWords.map((second) => `${first} ${second}`),
      ),
      ...words.soloArtists,
    ],
    Math.max(2, Math.ceil(options.tracks / 4)),
  );
  const genreOffset = random.int(words.genres.length);
  const artists = artistNames.map((name, index) => ({
    name,
    genre: words.genres[(genreOffset + index) % words.genres.length] as string,
    albums: random.sample(words.albumWords, 2),
  }));
  const titles = new Set<string>();
  const tracks = Array.from({ length: options.tracks }, (_, index) => {
    const trackId = `t${pad(index + 1, 3)}`;
    const artist = random.pick(artists);
    let title = `${random.pick(words.titleOpenings)} ${random.pick(words.titleEndings)}`;
    if (titles.has(title)) title = `${title} (Part ${index + 1})`;
    titles.add(title);
    const era = random.pick(words.eras);
    const decade = era.startsWith('20') ? Number(era.slice(0, 4)) : 1900 + Number(era.slice(0, 2));
    const candidateTags = [
      random.pick(words.moods),
      random.pick(words.instruments),
      era,
      random.pick(words.moods),
    ];
    const lyrics = random.int(10) < 6 ? random.sample(words.lyricLines, 2).join(' / ') : undefined;
    return {
      track_id: trackId,
      title,
      artist: artist.name,
      album: random.pick(artist.albums),
      genre: random.int(5) === 0 ? random.pick(words.genres) : artist.genre,
      tags: [...new Set(candidateTags.slice(0, 2 + random.int(3)))],
      ...(lyrics === undefined ? {} : { lyrics }),
      release_date: `${decade + random.int(10)}-${pad(1 + random.int(12), 2)}-${pad(1 + random.int(28), 2)}`,
      audio_path: `audio/${trackId}.wav`,
      image_path: `images/${trackId}.png`,
    };
  });

  // Each user leans towards two genres, as real listening does, so profiles mean something.
  const favouriteGenres = users.map(() => random.sample(words.genres, 2) as string[]);
  const trackIds = tracks.map((track) => track.track_id);
  const sessions = Array.from({ length: options.sessions }, (_, index) => {
    const userIndex = index % users.length;
    const user = users[userIndex] as (typeof users)[number];
    const length = min + random.int(max - min + 1);
    const favourites = tracks
      .filter((track) => favouriteGenres[userIndex]?.includes(track.genre))
      .map((track) => track.track_id);
    const leaning = random.sample(favourites, Math.round(length * 0.6));
    const rest = random.sample(
      trackIds.filter((trackId) => !leaning.includes(trackId)),
      length - leaning.length,
    );
    const day = new Date(Date.UTC(2019, 0, 1) + (index * 11 + random.int(10)) * 86_400_000);
    return {
      user_id: user.user_id,
      session_id: `${user.user_id}__${day.toISOString().slice(0, 10)}`,
      track_ids: random.sample([...leaning, ...rest], length),
    };
  });
  return { users, tracks, sessions };
}
