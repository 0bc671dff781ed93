#!/usr/bin/env node
// The `renewal-atlas` command: runs the TypeScript CLI (no build step needed) from a bundle of its
// sources that is rebuilt whenever they change, or through tsx (electron/launch/source-bundle.mjs).
import { importSource } from '../launch/source-bundle.mjs';

const { runCli } = await importSource('electron/cli/main.ts');
process.exitCode = await runCli(process.argv.slice(2), process.stdout, process.stderr);
