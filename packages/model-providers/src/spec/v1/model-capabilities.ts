import { z } from 'zod';

/**
 * How a provider delivers a media file of a request: uploaded to its service and referenced
 * (`file-upload`), sent in the request body (`inline`, e.g. base64), or fetched by the service
 * from a URL it is given (`url`).
 */
export const MediaDeliveryV1Schema = z.enum(['file-upload', 'inline', 'url']);
export type MediaDeliveryV1 = z.infer<typeof MediaDeliveryV1Schema>;

/** One kind of media file a provider takes: a MIME type (`audio/wav`) or a family (`image/*`). */
export const AcceptedMediaV1Schema = z.object({
  mimeType: z.string().regex(/^[a-z]+\/(\*|[a-z0-9][\w.+-]*)$/, 'a MIME type such as audio/wav or image/*'),
  delivery: MediaDeliveryV1Schema,
});
export type AcceptedMediaV1 = z.infer<typeof AcceptedMediaV1Schema>;

/**
 * What a created provider can do, checked by the conformance kit and read by the run: which
 * media a request may carry, which request fields are honoured, and how its calls are paid.
 */
export const ModelCapabilitiesV1Schema = z.object({
  /** The media files a request's parts may name; a part of any other type is refused with INVALID_INPUT. */
  media: z.array(AcceptedMediaV1Schema),
  /** A request's `responseJsonSchema` reaches the model, whose reply then validates against it. */
  jsonSchemaReplies: z.boolean(),
  /** A request's `systemInstruction` reaches the model as such (not folded into a message). */
  systemInstructions: z.boolean(),
  /**
   * What the service caches of repeated prompt prefixes: nothing, on its own (`implicit`), or in
   * caches the provider makes for each chat (`explicit`); cached input is billed at its own rate.
   */
  caching: z.enum(['none', 'implicit', 'explicit']),
  /** Calls may go through a batch API (at its own price) instead of one by one. */
  batch: z.boolean(),
  /**
   * `price-table`: the run's price table (the built-in list prices, or `--prices FILE` over them)
   * prices its models. `unpriced`: the built-in list prices never apply (a model named like a
   * listed one is not billed as it); only a `--prices` file prices them, else cost is unknown.
   */
  prices: z.enum(['price-table', 'unpriced']),
  /**
   * True only for an offline stand-in (the simulated backend): its calls cost nothing and answer
   * the same request the same way. Such a run journals no call (replaying would be pointless) and
   * prices every call at 0; any real model must say false.
   */
  freeAndDeterministic: z.boolean(),
});
export type ModelCapabilitiesV1 = z.infer<typeof ModelCapabilitiesV1Schema>;

/** How `capabilities` takes a file of `mimeType`, or undefined when it does not. */
export function acceptedMedia(
  capabilities: Pick<ModelCapabilitiesV1, 'media'>,
  mimeType: string,
): AcceptedMediaV1 | undefined {
  const family = `${mimeType.split('/')[0]}/*`;
  return (
    capabilities.media.find((accepted) => accepted.mimeType === mimeType) ??
    capabilities.media.find((accepted) => accepted.mimeType === family)
  );
}
