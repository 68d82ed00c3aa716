/**
 * Words the synthetic corpus is made of. Every name is invented; the tags are the kind a
 * tag-matching simulated Recsys can match a listener's request against.
 */
export const genres = [
  'indie rock',
  'jazz',
  'hip hop',
  'electronic',
  'folk',
  'classical',
  'r&b',
  'metal',
  'synthpop',
  'bossa nova',
  'reggae',
  'ambient',
] as const;

export const moods = [
  'melancholic',
  'upbeat',
  'dreamy',
  'energetic',
  'calm',
  'dark',
  'romantic',
  'nostalgic',
  'playful',
  'uplifting',
] as const;

export const instruments = [
  'piano',
  'acoustic guitar',
  'synth',
  'saxophone',
  'strings',
  'drum machine',
  'electric guitar',
  'violin',
  'brass',
  'bass',
] as const;

export const eras = ['70s', '80s', '90s', '2000s', '2010s', '2020s'] as const;

export const artistFirstWords = [
  'The Velvet',
  'Neon',
  'Paper',
  'Silver',
  'Hollow',
  'Midnight',
  'Coral',
  'Static',
];
export const artistSecondWords = [
  'Lanterns',
  'Harbor',
  'Foxes',
  'Orchard',
  'Signals',
  'Tides',
  'Ghosts',
  'Atlas',
];
export const soloArtists = [
  'Mira Solen',
  'Tomas Verde',
  'Aiko Hanabe',
  'Jonah Reyes',
  'Lena Okafor',
  'Yuri Brandt',
];

export const titleOpenings = [
  'Lights Over',
  'Running From',
  'Letters to',
  'Waiting for',
  'Dancing in',
  'Echoes of',
];
export const titleEndings = [
  'the Harbor',
  'September',
  'a Quiet Town',
  'the Blue Hour',
  'Your Window',
  'Saturn',
];

export const albumWords = [
  'Afterglow',
  'Low Tide',
  'Glasshouse',
  'Northern Lines',
  'Small Hours',
  'Paper Moons',
];

export const lyricLines = [
  'I keep the porch light on for you, though the summer never stays',
  'We were dancing on the rooftop while the city hummed our names',
  'Every train that leaves the station takes a piece of me along',
  'Tell me softly that the morning is a place we both belong',
  'Streetlights flicker like a promise that the night will let us go',
  'I wrote your name in frost and watched it vanish in the glow',
  'Turn the radio up louder, let the static sing for us',
  'Half a heart and a borrowed jacket, riding on the midnight bus',
] as const;

/** Demographics that hang together (age and age group, country and language); users are drawn from these. */
export const personas = [
  { age: 21, age_group: '18-24', gender: 'female', country: 'BR', preferred_language: 'Portuguese' },
  { age: 29, age_group: '25-34', gender: 'male', country: 'US', preferred_language: 'English' },
  { age: 38, age_group: '35-44', gender: 'non-binary', country: 'DE', preferred_language: 'German' },
  { age: 50, age_group: '45-54', gender: 'female', country: 'JP', preferred_language: 'Japanese' },
  { age: 31, age_group: '25-34', gender: 'female', country: 'KR', preferred_language: 'Korean' },
  { age: 19, age_group: '18-24', gender: 'male', country: 'MX', preferred_language: 'Spanish' },
  { age: 61, age_group: '55+', gender: 'male', country: 'GB', preferred_language: 'English' },
  { age: 40, age_group: '35-44', gender: 'female', country: 'FR', preferred_language: 'French' },
  { age: 27, age_group: '25-34', gender: 'male', country: 'NG', preferred_language: 'English' },
  { age: 22, age_group: '18-24', gender: 'non-binary', country: 'SE', preferred_language: 'Swedish' },
] as const;
