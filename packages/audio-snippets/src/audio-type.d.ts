/** audio-type ships no types: its one export, as its README documents it. */
declare module 'audio-type' {
  /** The format of an audio file from its first bytes (`wav`, `mp3`, `flac`, `opus`, `oga` ...), or undefined. */
  export default function audioType(bytes: Uint8Array): string | undefined;
}
