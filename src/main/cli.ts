#!/usr/bin/env node
/** Headless entry: `dinky-console watch` runs the same core as the app, in a terminal. */
console.error('dinky-console: not implemented yet')
process.exit(2)
