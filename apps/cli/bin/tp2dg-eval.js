#!/usr/bin/env node
// The bin is this file, not dist/eval.js, because it exists before the first build: pnpm
// links a workspace package's bins when it installs, and skips one whose file is missing.
import '../dist/eval.js';
