import type { Command } from './command';
import { bundleCommand } from './bundle';
import { demoCommand } from './demo';
import { helpCommand } from './help';
import { hubCommand } from './hub';
import { reportCommand } from './report';

/** Every `league-desk` subcommand, in the order help lists them. */
export const COMMANDS: readonly Command[] = [demoCommand, bundleCommand, reportCommand, hubCommand, helpCommand];
