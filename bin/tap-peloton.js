#!/usr/bin/env -S node --max-semi-space-size=4
// The Singer tap entry point: `tap-peloton ARGS` is `source-peloton singer ARGS`.
import { main } from '../dist/src/main.js';

await main(['singer', ...process.argv.slice(2)], 'tap-peloton');
