export {
  describeModelProviderConformance,
  type ModelProviderConformanceOptions,
} from './describe-model-provider-conformance.js';
