import { createHash } from 'node:crypto';
import type { Content, GenerateContentConfig, InlinedRequest } from '@google/genai';

/** A generateContent request as the Batch API takes it in a line of an input file (camelCase wire JSON). */
export interface WireGenerateRequest {
  contents: Content[];
  systemInstruction?: Content;
  generationConfig?: Record<string, unknown>;
}

/** One call of a batch: its request in both forms a job takes, under its own key. */
export interface BatchRequest {
  /**
   * A hash of the wire request. The service's inline results keep neither order nor, reliably,
   * metadata, so each request carries this key; and because the same call resumed later sends
   * the same request (its files found in the upload ledger), the key also finds it in a job an
   * earlier run submitted.
   */
  key: string;
  /** For an input file: `{key, request}` as one JSON line, newline included. */
  line: string;
  /** For an inline job: what `batches.create` takes. */
  inline: InlinedRequest;
}

/**
 * The batch form of a call: `config` is what generateContent would be sent, less what a batch
 * request has no use for (its abort signal, a service tier). As the SDK does for generateContent,
 * the system instruction goes at the top of the request, every other setting in `generationConfig`.
 */
export function batchRequestOf(
  contents: Content[],
  config: GenerateContentConfig & { systemInstruction?: string },
): BatchRequest {
  const { systemInstruction, ...generation } = config;
  const request: WireGenerateRequest = {
    contents,
    ...(systemInstruction === undefined
      ? {}
      : { systemInstruction: { parts: [{ text: systemInstruction }] } }),
    ...(Object.keys(generation).length === 0 ? {} : { generationConfig: generation }),
  };
  const wire = JSON.stringify(request);
  const key = createHash('sha256').update(wire).digest('hex');
  return {
    key,
    line: `{"key":${JSON.stringify(key)},"request":${wire}}\n`,
    inline: { contents, config, metadata: { key } },
  };
}
