import type { QuotaStatus } from '@tp2dg/call-quota';
import type { ModelPort } from '@tp2dg/entities';

/** The provider every call and file of a Gemini run is labelled with. */
export const GEMINI_PROVIDER = 'gemini';

/** The model port, plus the lifecycle of the files it uploaded and the context caches it made. */
export interface GeminiAdapter extends ModelPort {
  /**
   * A port for one conversation: with `explicitCacheMinTokens`, each of its chats gets an
   * explicit context cache of its prefix, which its `close` gives up (deleted once no other
   * conversation uses it). Without, the same as this adapter.
   */
  forConversation(): ModelPort;
  /** Deletes from the service every file this adapter uploaded, and drops them from the ledger. */
  deleteUploads(): Promise<number>;
  /**
   * Deletes the context caches nothing uses any more: those earlier runs left in the cache
   * ledger that this run did not reuse, and any a conversation left unclosed. Call it when the
   * run ends; returns how many are gone.
   */
  deleteLeftoverCaches(): Promise<number>;
  /** Deletes every context cache tp2dg made on this key, found by display name; returns how many. */
  deleteCaches(): Promise<number>;
  /** Waits, cap on calls in flight and estimate factor of the scheduler (`rpm`, `tpm`, 429s). */
  quotaStatus(): QuotaStatus;
}
