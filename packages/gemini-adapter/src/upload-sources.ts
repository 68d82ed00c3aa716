import { basename } from 'node:path';
import type { SnippetMaker } from '@tp2dg/audio-snippets';

/** The file uploaded for a media part. */
export interface UploadSource {
  path: string;
  mimeType: string;
}

/**
 * What the adapter uploads for each media part: an audio clip's snippet when snippets are
 * cut (usually cut already, when the run vetted the session), the file itself otherwise.
 * Requests keep naming the clip, so call journals and records do not depend on snippets.
 * A snippet is uploaded under its clip's file name: the service's file list still says
 * which track it belongs to.
 */
export class UploadSources {
  private readonly clipNames = new Map<string, string>();

  constructor(private readonly snippets: SnippetMaker | undefined) {}

  async of(path: string, mimeType: string): Promise<UploadSource> {
    if (this.snippets === undefined || !mimeType.startsWith('audio/')) return { path, mimeType };
    const snippet = await this.snippets.snippetOf(path);
    this.clipNames.set(snippet.path, basename(path));
    return snippet;
  }

  /** The display name of an upload: its clip's file name for a snippet, its own otherwise. */
  displayNameOf(absolutePath: string): string {
    return this.clipNames.get(absolutePath) ?? basename(absolutePath);
  }
}
