import type { TableSpec } from '../layout/corpus-layouts.js';

/** Music4All's "CSV" files, which are tab-separated with a header (its readme says so). */
export const music4allTables = {
  information: {
    fileNames: ['id_information.csv', 'id_information.tsv'],
    columns: ['id', 'artist', 'song', 'album_name'],
    required: ['id'],
  },
  tags: {
    fileNames: ['id_tags.csv', 'id_tags.tsv'],
    columns: ['id', 'tags'],
    required: ['id'],
    textColumn: 'tags',
  },
  genres: {
    fileNames: ['id_genres.csv', 'id_genres.tsv'],
    columns: ['id', 'genres'],
    required: ['id'],
    textColumn: 'genres',
  },
  language: { fileNames: ['id_lang.csv', 'id_lang.tsv'], columns: ['id', 'lang'], required: ['id'] },
} satisfies Record<string, TableSpec>;
