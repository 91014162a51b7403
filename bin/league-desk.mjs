#!/usr/bin/env node
// The `league-desk` command. The CLI is TypeScript sharing shared/ with the app, so it runs through
// tsx (a runtime dependency) instead of a build step: a fresh checkout with `npm install` just works.
import { register } from 'tsx/esm/api';

// tsconfig: false, so whatever tsconfig.json sits in the caller's working directory cannot change
// how our sources compile; they need nothing from a tsconfig to run.
register({ tsconfig: false });

const { run } = await import(new URL('../cli/main.ts', import.meta.url).href);
process.exitCode = await run(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
});
