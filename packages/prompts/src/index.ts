export * from './goal-catalog.js';
export * from './load-prompt-set.js';
export * from './parse-prompt-template.js';
export * from './prompt-names.js';
export * from './prompt-set.js';
export * from './prompt-template.js';
export * from './sample-goal-templates.js';
export * from './templates-directory.js';
