import { Tp2dgError } from '@tp2dg/entities';

const marker = Symbol.for('tp2dg.audio-snippet-error');

/**
 * An audio clip that no snippet can be cut from: a format with no decoder, or content the
 * decoder finds no audio in. Code `INVALID_INPUT` (the corpus must change). The facts are
 * fields, so a caller that knows more (the track, the session) can say so without parsing
 * the message.
 */
export class AudioSnippetError extends Tp2dgError {
  readonly [marker] = true;

  constructor(
    /** The clip, as it was given. */
    readonly path: string,
    /** What is wrong with it, e.g. `it holds no audio samples`. */
    readonly problem: string,
    /** What to do, as a sentence. */
    readonly fix: string,
    options: { cause?: unknown } = {},
  ) {
    super('INVALID_INPUT', `${path}: ${problem}. ${fix}`, options);
    this.name = 'AudioSnippetError';
  }

  /** Marker-based, so two installed copies of this package still recognise each other's errors. */
  static override isInstance(value: unknown): value is AudioSnippetError {
    return Tp2dgError.isInstance(value) && (value as unknown as Record<symbol, unknown>)[marker] === true;
  }
}
