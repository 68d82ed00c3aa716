export * from './spec/v1/index.js';
