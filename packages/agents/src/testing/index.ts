export { type ScriptedReply, scriptedModel } from './scripted-model.js';
