import type { Content, Part, PartMediaResolutionLevel } from '@google/genai';
import type { ModelMessage } from '@tp2dg/entities';
import { RECHECK_MS } from './content-hash.js';
import type { CachedFile, FileUploadCache } from './file-upload-cache.js';

/** Uploads the file of a media part, or finds it uploaded. */
export type FileResolver = (path: string, mimeType: string) => Promise<CachedFile>;

interface ConvertedMessage {
  content: Content;
  files: CachedFile[];
  /** The cache's generation when the files were resolved. */
  generation: number;
  checkedAt: number;
  /** The earliest moment one of the files must be uploaded again. */
  staleAt: number;
}

/**
 * Maps the caller's history to Gemini contents, uploading file parts (in parallel) and
 * referencing them by URI; model turns keep `role: 'model'`, as the API requires.
 *
 * Every call re-sends the whole history, whose media (a Recsys priming carries the pool's)
 * would otherwise be looked up again part by part on every call. So each message is
 * converted once and reused while no upload was dropped since, its files were checked on
 * disk less than RECHECK_MS ago (as `ContentHashes` does), and none nears expiry.
 */
export class MessageContents {
  private readonly converted = new WeakMap<ModelMessage, ConvertedMessage>();

  constructor(
    private readonly cache: FileUploadCache,
    private readonly now: () => number,
    /** Sent on every image part, for a model that takes a media resolution per part. */
    private readonly imageLevel?: PartMediaResolutionLevel,
  ) {}

  /** The contents of `messages`; the files they reference are added to `used`. */
  async of(
    messages: readonly ModelMessage[],
    resolveFile: FileResolver,
    used: CachedFile[],
  ): Promise<Content[]> {
    const now = this.now();
    const contents = messages.map((message) => {
      const known = this.converted.get(message);
      if (known !== undefined && this.isCurrent(known, now)) return known;
      return this.convert(message, resolveFile, now).then((converted) => {
        this.converted.set(message, converted);
        return converted;
      });
    });
    // Known messages are not waited on one by one: only a conversion makes this wait.
    const converted = contents.some((content) => content instanceof Promise)
      ? await Promise.all(contents)
      : (contents as ConvertedMessage[]);
    for (const message of converted) used.push(...message.files);
    return converted.map((message) => message.content);
  }

  private isCurrent(message: ConvertedMessage, now: number): boolean {
    return (
      message.generation === this.cache.generation &&
      now - message.checkedAt < RECHECK_MS &&
      now <= message.staleAt
    );
  }

  private async convert(
    message: ModelMessage,
    resolveFile: FileResolver,
    now: number,
  ): Promise<ConvertedMessage> {
    // Read first: an upload dropped while this one converts leaves it out of date at once.
    const generation = this.cache.generation;
    const files: CachedFile[] = [];
    const parts = await Promise.all(
      message.parts.map(async (part): Promise<Part> => {
        if (part.kind === 'text') return { text: part.text };
        const cached = await resolveFile(part.path, part.mimeType);
        files.push(cached);
        const fileData = { fileUri: cached.file.uri, mimeType: cached.file.mimeType };
        // Only images: audio counts by its length whatever the resolution.
        if (this.imageLevel === undefined || !part.mimeType.startsWith('image/')) return { fileData };
        return { fileData, mediaResolution: { level: this.imageLevel } };
      }),
    );
    const staleAt = Math.min(...files.map((file) => this.cache.staleAt(file.file)));
    return { content: { role: message.role, parts }, files, generation, checkedAt: now, staleAt };
  }
}
