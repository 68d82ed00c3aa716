export {
  type AcceptedMediaV1,
  AcceptedMediaV1Schema,
  acceptedMedia,
  type MediaDeliveryV1,
  MediaDeliveryV1Schema,
  type ModelCapabilitiesV1,
  ModelCapabilitiesV1Schema,
} from './model-capabilities.js';
export type {
  ModelProviderContextV1,
  ModelProviderEventV1,
  ModelProviderPluginV1,
  ModelProviderReleaseV1,
  ModelProviderV1,
} from './model-provider.js';
