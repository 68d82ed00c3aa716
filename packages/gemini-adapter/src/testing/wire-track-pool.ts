import * as prompts from '@tp2dg/model-testing';
import type { EmulatedGenerateBody } from './emulator-types.js';
import { promptTextOf } from './wire-request.js';

// Gemini-body forms of the shared pool readers of `@tp2dg/model-testing`.

/** The pool's track ids in the order the priming message lists them. */
export const poolTrackIdsOf = (body: EmulatedGenerateBody) => prompts.poolTrackIdsOf(promptTextOf(body));

/** The ids the latest Recsys turn prompt says were already recommended. */
export const recommendedTrackIdsOf = (body: EmulatedGenerateBody) =>
  prompts.recommendedTrackIdsOf(promptTextOf(body));
