/** The language conversations are written in unless told otherwise: that of the published TalkPlayData 2 data. */
export const DEFAULT_LANGUAGE = 'English';
