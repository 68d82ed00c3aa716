import type { SpecificityCode } from '@tp2dg/entities';

/**
 * A specificity code in words. The first letter is how precisely the listener asks, the second
 * how narrow the target is: L(ow), many tracks would do; H(igh), one particular track is sought.
 */
const SPECIFICITY_WORDS: Readonly<Record<SpecificityCode, string>> = {
  LL: 'a loose request that many tracks could answer',
  HL: 'a precise request that many tracks could answer',
  LH: 'a loose request for one particular track',
  HH: 'a precise request for one particular track',
};

export function describeSpecificity(code: SpecificityCode): string {
  return SPECIFICITY_WORDS[code];
}
