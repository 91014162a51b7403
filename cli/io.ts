/**
 * Where a command writes. The real binary passes process.stdout / stderr; tests pass collectors, so
 * every command runs in-process without spawning Node.
 */
export interface CliIo {
  stdout(s: string): void;
  stderr(s: string): void;
}

export type Env = Readonly<Record<string, string | undefined>>;

/**
 * Exit codes: 0 done, 1 the command failed, 2 the command line itself was wrong (as most CLIs do),
 * 3 a file is intact but not all of it is authentic (`bundle verify` with a county authority).
 */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;
export const EXIT_NOT_AUTHENTIC = 3;

/** Writes whole lines, so output never ends without a newline. */
export function writeLines(write: (s: string) => void, lines: readonly string[]): void {
  write(lines.map((line) => `${line}\n`).join(''));
}
