import type { RecordedUpload } from './emulator-types.js';

export type EmulatedFileState = 'PROCESSING' | 'ACTIVE' | 'FAILED';

/** Files live 48 h on the service; the emulator only reports it, the test decides expiry. */
const lifetimeMs = 48 * 3600 * 1000;

/** The File resource as the Files API returns it (`sizeBytes` a string, as the service sends it). */
export function describeEmulatedFile(
  upload: RecordedUpload,
  state: EmulatedFileState,
  createdAt: number,
): Record<string, unknown> {
  const created = new Date(createdAt).toISOString();
  return {
    name: upload.name,
    displayName: upload.displayName,
    mimeType: upload.mimeType,
    sizeBytes: String(upload.sizeBytes),
    createTime: created,
    updateTime: created,
    expirationTime: new Date(createdAt + lifetimeMs).toISOString(),
    uri: upload.uri,
    state,
    source: 'UPLOADED',
    ...(state === 'FAILED' ? { error: { code: 400, message: 'Emulated processing failure.' } } : {}),
  };
}
