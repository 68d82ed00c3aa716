import type { ServerResponse } from 'node:http';
import { totalTokens } from '@tp2dg/entities';
import type { EmulatedFileStore } from './emulated-file-store.js';
import { estimatePromptTokens, modalityDetails } from './emulated-usage.js';
import type { EmulatedGenerateBody } from './emulator-types.js';
import { sendJson } from './send-emulated-reply.js';
import { filePartsOf, type WireContent } from './wire-request.js';

/**
 * `POST models/{m}:countTokens`: `totalTokens` from the same rough estimate the emulated
 * usage reports, so a count and a later call's `promptTokenCount` agree.
 */
export function handleCountTokens(
  response: ServerResponse,
  body: Partial<EmulatedGenerateBody>,
  model: string,
  store: EmulatedFileStore,
): void {
  const contents = body.contents ?? [];
  const seconds = store.audioSecondsOf(filePartsOf(contents).map((part) => part.fileUri));
  const estimate = estimatePromptTokens(
    [body.systemInstruction as WireContent | undefined, ...contents],
    model,
    (uri) => seconds[uri] ?? 0,
  );
  sendJson(response, 200, {
    totalTokens: totalTokens(estimate),
    promptTokensDetails: modalityDetails(estimate),
  });
}
