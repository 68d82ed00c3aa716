export { parsePluginOptions } from './parse-plugin-options.js';
export type { PluginKind } from './plugin-kind.js';
export {
  type PluginOptionFlags,
  type PluginOptionSources,
  readPluginOptions,
} from './read-plugin-options.js';
export { type ResolvePluginModuleOptions, resolvePluginModule } from './resolve-plugin-module.js';
