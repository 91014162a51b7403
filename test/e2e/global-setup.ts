import type { TestProject } from 'vitest/node';
import { startServer } from '../../scripts/serve';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/** Serves the built renderer once for the whole run, on a free loopback port. */
export default async function setup(project: TestProject) {
  const server = await startServer({ port: 0 });
  project.provide('baseUrl', server.url);
  return () => server.close();
}
