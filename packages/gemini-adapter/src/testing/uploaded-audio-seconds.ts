import { parseBuffer } from 'music-metadata';

/**
 * How long an uploaded audio file plays, read from its bytes (the format found from the
 * content, as the service does, whatever type the upload declared): what every prompt that
 * uses it is billed for. Undefined for other files, and for bytes that hold no readable audio,
 * which the emulator bills nothing for.
 */
export async function uploadedAudioSeconds(bytes: Buffer, mimeType: string): Promise<number | undefined> {
  if (!mimeType.startsWith('audio/')) return undefined;
  const metadata = await parseBuffer(
    bytes,
    { size: bytes.length },
    { duration: true, skipCovers: true },
  ).catch(() => undefined);
  const seconds = metadata?.format.duration;
  return seconds !== undefined && Number.isFinite(seconds) && seconds >= 0 ? seconds : undefined;
}
