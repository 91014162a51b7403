import type { Command } from './command';
import { demoCommand } from './demo';
import { helpCommand } from './help';

/** Every `league-desk` subcommand, in the order help lists them. */
export const COMMANDS: readonly Command[] = [demoCommand, helpCommand];
