import { createHash } from 'node:crypto';

/**
 * Who owns uploaded files and context caches (service and key), as a hash: the ledgers never
 * hold the key.
 */
export function accountOf(apiKey: string, baseUrl: string | undefined): string {
  return createHash('sha256')
    .update(`${baseUrl ?? 'google'}\u0000${apiKey}`)
    .digest('hex')
    .slice(0, 16);
}
