#!/usr/bin/env node
// The bin is this file, not dist/summary.js, because it exists before the first build: pnpm
// links a workspace package's bins when it installs, and skips one whose file is missing, so
// `pnpm exec tp2dg-summary` would not be found in a fresh checkout even once it is built.
import '../dist/summary.js';
