export type { PluginKind } from './plugin-kind.js';
export { type ResolvePluginModuleOptions, resolvePluginModule } from './resolve-plugin-module.js';
